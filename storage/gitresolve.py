"""Finishing a merge git could not do itself: the data file left with conflict markers.

That happens on a clone where the merge driver was not installed yet when
`git pull` ran: git fell back to a line merge. Git still holds the three
versions in its index (stage 1 base, 2 ours, 3 theirs), so the record-level
merge can run on them after the fact, exactly as the driver would have.
"""

from __future__ import annotations

from pathlib import Path

from storage import jsonfile
from storage.docdiff import conflicts_kept
from storage.gitcmd import Git, SyncError, work_tree
from storage.gitsync import lock_for
from storage.lockfile import Timeout
from storage.mergefiles import merge_versions


def resolve_from_git(path: Path) -> list[str]:
    """Merge git's three versions of `path` into it and finish the merge; what was done."""
    path = path.absolute()
    root = work_tree(path.parent)
    if root is None:
        raise SyncError(
            f"{path.parent} is not in a git repository; there is no git merge to finish"
        )
    git = Git(root)
    relative = path.relative_to(root).as_posix()
    if not git.out("ls-files", "--unmerged", "--", relative):
        raise SyncError(f"git has no unmerged version of {path.name}; nothing to resolve")
    try:
        with lock_for(path):
            base, ours, theirs = (_stage(git, n, relative) for n in (1, 2, 3))
            merged = merge_versions(base, ours, theirs, path.name)
            jsonfile.write_atomic(path, merged)
            git.run("add", "--", relative)
    except Timeout:
        raise SyncError(f"another loopdeck is saving {path.name}; try again in a moment") from None
    done = [f"Merged git's three versions of {path.name} ({conflicts_kept(merged)} conflicts kept)"]
    return done + _finish(git)


def _stage(git: Git, number: int, relative: str) -> bytes:
    """One version from the index; an absent base (both sides added the file) is empty."""
    shown = git.run("show", f":{number}:{relative}", check=False)
    return shown.stdout.encode() if shown.returncode == 0 else b""


def _finish(git: Git) -> list[str]:
    """Conclude the merge or rebase when the data file was the last unmerged path."""
    if git.out("diff", "--name-only", "--diff-filter=U"):
        return ["Other files are still unmerged; resolve them, then run 'loopdeck sync'"]
    if git.rebase_dirs():
        git.run("rebase", "--continue")
        return ["Continued the rebase"]
    if git.ok("rev-parse", "--verify", "--quiet", "MERGE_HEAD"):
        git.run("commit", "--quiet", "--no-edit", "--no-verify")
        return ["Committed the merge; run 'loopdeck sync' to push it"]
    return []
