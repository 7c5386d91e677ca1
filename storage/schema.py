"""The data file's layout version and where it is kept, without the models.

Apart from `storage.codec` so that the merge driver, which git starts as a
process for every pull, can check versions without importing pydantic.
"""

from __future__ import annotations

# 2: a received log entry may carry `expect`, the day they said I would hear by;
# loops keep `links`, rounds a meeting `link` and their `invite_uid`, log entries
# the `message_id` of a mail, settings `stage_days`.
# 3: the settings carry `base_currency` and my exchange rates `fx`.
# Files of schema 1 read as they are (nothing is missing); the first write
# stamps the current one (`codec.upgrade_schema`), so an older loopdeck opens them read-only with
# "upgrade loopdeck" instead of calling the new field damage.
SCHEMA_VERSION = 3
META_TABLE = "meta"
