"""One pure function per change a user can make; the command line and the app call them.

Each takes the loop (and today) and returns a `Patch` of writes for
`Repository.apply`, or raises `Refused(sentence, field)`; see
`planner.changes.base`. Import the function from its module (importing them
all here would make every command pay for every change):

- `loops`: `add_loop(draft, today, existing, again=False, settings=None)`,
  `delete_loop(loop, today, attached=())`, `duplicate_of`, `contents`
- `loop_edit`: `edit_loop(loop, today, values)` (company, role, level, location,
  source, resume, tags, notes, status, applied_on), `check_application_date`
- `owner`: `set_owner(loop, today, owner | None, note="")`
- `closing`: `close_loop(loop, today, reason, by=None, on=None)`, `DEFAULT_DECIDER`
- `status`: `hold_loop(loop, today)`, `resume_loop(loop, today)`
- `done`: `round_to_mark(loop, today, round_id=None)` (the round `d` names in its
  title), `mark_done(loop, today, round_id=None, outcome, on=None, by=None)`,
  `set_outcome(loop, today, round_id, outcome, by=None, on=None)`
- `rounds`: `add_round(loop, today, draft, settings=None)`,
  `move_round(loop, today, round_id, date, time=None, settings=None)` (also dates a planned round),
  `cancel_round(loop, today, round_id)`,
  `delete_round(loop, today, round_id)`
- `log`: `log_event(loop, today, text, kind=None, on=None, contact_id=None, due=None)`,
  `promise(loop, today, text, due, contact_id=None)`, `keep_promise`,
  `edit_event(loop, today, event_id, values)`, `delete_event(loop, today, event_id)`
- `told`: `tell(loop, today, deadline, on=None)`
- `contacts`: `add_contact(loop, today, values)`, `edit_contact(loop, today, contact_id,
  values)`, `delete_contact(loop, today, contact_id, force=False, settings=None)`
- `prep`: `add_question`, `edit_question`, `mark_asked`, `delete_question`,
  `add_point`, `edit_point`, `delete_point`, `set_decision`, `delete_decision`
- `offers`: `record_offer(loop, today, offers, values, new=False)`,
  `delete_offer(loop, today, offer, offers)`, `current_offer`

`Refused.field` names the input a form shows the sentence beside: the model
field the change is about (`date`, `due`, `on`, `applied_on`, `closed_on`,
`owner_override`, `name`, ...), `round`/`item` for which item, `force` or
`again` when only a deliberate second word would let it through, "" otherwise.
"""
