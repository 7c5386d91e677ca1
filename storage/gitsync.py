"""`sync`: commit the data file, pull (git calls the merge driver), push, retry.

The whole sync runs under the data file's lock, so the app and other
commands wait instead of writing while git replaces the file; they notice the
new file by its fingerprint afterwards. The merge itself happens inside git,
through the driver `gitdriver.ensure_driver` installs before every pull.

Nothing here guesses: a pull that git cannot complete is aborted (the folder
is left as it was before the pull) and reported in one sentence.
"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage import jsonfile
from storage.docdiff import conflicts_kept, loops_changed
from storage.errors import DataFileError
from storage.gitcmd import LOCKED, Git, SyncError, explain, last_line, work_tree
from storage.gitdriver import ensure_driver, relative_to, tracked
from storage.lockfile import FileLock, Timeout
from storage.merge import merge

PUSH_ATTEMPTS = 3
PULL_MARKER = "loopdeck-pull"
"""In the git folder while a sync's pull runs, holding the commit it started from: a
merge that a killed sync left is then known to be loopdeck's own (`_recover_killed_pull`)."""
LOCK_TIMEOUT_S = 10.0
SUPPORT_FILES = (".gitattributes", ".gitignore")
"""Files a remote's history may hold beside the data file: checked out when joining it."""
# How git says the remote branch moved: behind us before the push started, or
# during it (the remote could not move the branch from the commit it announced).
MOVED = (" ! [rejected]", "(fetch first)", "(non-fast-forward)", "(failed to update ref)")


@dataclass
class SyncResult:
    """What one sync did, for the command line and the app's header."""

    initialized: bool = False
    joined: int | None = None
    """Loops the remote's history brought when this repository joined it (None: it did not)."""
    repaired: list[str] = field(default_factory=list)
    committed: int | None = None
    remote: str | None = None
    pulled: int = 0
    new_conflicts: int = 0
    pushed: bool = False

    def summary(self) -> list[str]:
        """One line per thing that happened, in the order it happened."""
        lines = []
        if self.initialized:
            lines.append("Made the data folder a git repository")
        if self.joined is not None:
            lines.append(f"Joined the history of {self.remote}: {_loops(self.joined)} came from it")
        if self.repaired:
            lines.append("Installed the merge driver (" + ", ".join(self.repaired) + ")")
        if self.committed is not None:
            lines.append(f"Committed local changes ({_loops(self.committed)})")
        if self.remote is None:
            lines.append(
                "No remote: changes are committed locally only "
                "(add one with 'loopdeck sync --remote URL')"
            )
            return lines
        if self.pulled:
            lines.append(f"Pulled changes to {_loops(self.pulled)} from {self.remote}")
        if self.new_conflicts:
            lines.append(
                f"Kept {self.new_conflicts} overwritten value(s) as conflicts "
                "(see 'loopdeck conflicts')"
            )
        if self.pushed:
            lines.append(f"Pushed to {self.remote}")
        if not (
            self.pulled or self.pushed or self.committed is not None or self.joined is not None
        ):
            lines.append(f"Nothing to do: already in sync with {self.remote}")
        return lines


def _loops(n: int) -> str:
    return f"{n} loop" if n == 1 else f"{n} loops"


def lock_for(path: Path) -> FileLock:
    """The lock the repository takes for every write (same file, so they exclude each other)."""
    return FileLock(path.with_name(f"{path.stem}.lock"), timeout=LOCK_TIMEOUT_S)


def sync(path: Path, init: bool = False, remote_url: str | None = None) -> SyncResult:
    """Commit, pull, push the data file at `path`; raises `SyncError` with one sentence.

    Only through a repository that already tracks the data file: a data file
    that happens to sit in some other repository is synced there only after
    `init` (`loopdeck sync --init`), never by surprise.
    """
    path = path.absolute()
    result = SyncResult()
    root = work_tree(path.parent)
    if root is None:
        if not init:
            raise SyncError(
                f"{path.parent} is not in a git repository; "
                "run 'loopdeck sync --init' to make it one"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        Git(path.parent).run("init", "--quiet")
        root, result.initialized = path.parent, True
    git = Git(root)
    if path.is_symlink():
        raise SyncError(
            f"{path.name} is a symbolic link, and git would sync the link, not your loops; "
            "sync the folder it points to ('loopdeck --db TARGET sync')"
        )
    if not init and not (tracked(git, path) or _tracked_upstream(git, path)):
        raise SyncError(
            f"{path.name} is not tracked in the git repository at {root}; run "
            "'loopdeck sync --init' to sync it through that repository"
        )
    if remote_url:
        _set_remote(git, remote_url)
    try:
        with lock_for(path):
            _sync_locked(git, path, result, join=init)
    except Timeout:
        raise SyncError(f"another loopdeck is saving {path.name}; try again in a moment") from None
    return result


def _sync_locked(git: Git, path: Path, result: SyncResult, join: bool) -> None:
    """The sync proper; `join` allows merging a remote whose history is unrelated (--init)."""
    _recover_killed_pull(git, path)
    refuse_unmerged(git, path)
    _sweep_merge_temps(git)
    _read(path)  # a damaged file is reported, never committed and spread to other machines
    remote = _remote(git)
    result.remote = remote
    if remote is not None and not git.ok("rev-parse", "--verify", "--quiet", "HEAD"):
        result.joined = _adopt_remote_history(git, path, remote)
    result.committed = _commit(git, path)
    result.repaired = ensure_driver(path)  # before any merge; the commit made the file tracked
    if remote is None or not git.ok("rev-parse", "--verify", "--quiet", "HEAD"):
        return
    branch = _branch(git)
    before = _read(path)
    result.pushed = _pull_and_push(git, remote, branch, join)
    after = _read(path)
    result.pulled = len(loops_changed(before, after))
    result.new_conflicts = max(0, conflicts_kept(after) - conflicts_kept(before))


def _pull_and_push(git: Git, remote: str, branch: str, join: bool) -> bool:
    """Pull, push, and again while the remote moves in between; whether anything was pushed.

    git says the same ("failed to update ref") when another push holds the
    branch's lock in the remote for a moment and when a push killed there left
    it: a lock still there after every attempt is named, as a local one is.
    """
    rejected = ""
    for _attempt in range(PUSH_ATTEMPTS):
        _pull(git, remote, branch, join)
        pushed = _push(git, remote, branch)
        if isinstance(pushed, bool):
            return pushed
        rejected = pushed
    if LOCKED.search(rejected):
        url = git.config(f"remote.{remote}.url") or remote
        raise SyncError(f"could not push to {remote} ({explain(rejected, git.cwd, where=url)})")
    raise SyncError(f"{remote} kept changing while syncing; run 'loopdeck sync' again")


def _tracked_upstream(git: Git, path: Path) -> bool:
    """Whether the remote's branch tracks the data file (a clone made before the first push).

    Only asked of a clone with a remote, and a fetch that fails counts as no.
    """
    remote = _remote(git)
    branch = git.run("symbolic-ref", "--quiet", "--short", "HEAD", check=False).stdout.strip()
    if remote is None or not branch or not git.ok("fetch", "--quiet", remote):
        return False
    return git.ok("cat-file", "-e", f"refs/remotes/{remote}/{branch}:{relative_to(git, path)}")


def refuse_unmerged(git: Git, path: Path) -> None:
    """Stop when git left the data file unmerged: committing it would commit a conflict."""
    if git.out("ls-files", "--unmerged", "--", str(path)):
        raise SyncError(
            f"git left {path.name} unmerged (the merge driver was not installed when it "
            "merged); run 'loopdeck conflicts --from-git' to merge it, then sync again"
        )
    if git.ok("rev-parse", "--verify", "--quiet", "MERGE_HEAD"):
        merge_head = git.git_dir() / "MERGE_HEAD"
        raise SyncError(
            f"a git merge is in progress in {git.cwd} ({merge_head} exists); finish it with "
            "'git commit' or abort it with 'git merge --abort', then sync again"
        )


def _read(path: Path) -> dict[str, Any]:
    try:
        return jsonfile.read_strict(path)[0]
    except FileNotFoundError:
        return {}


MERGE_TEMP_AGE_S = 3600.0


def _sweep_merge_temps(git: Git) -> None:
    """Remove the copies git made for a merge driver that was killed, once they are old.

    git names them `.merge_file_XXXXXX` at the top of the work tree and leaves
    them when it dies, and the driver's own temp file beside git's copy of ours
    (`..merge_file_XXXXXX.<hex>.tmp`) stays when the driver is killed before its
    rename; `.git/info/exclude` keeps both out of `git status`. Only old ones go:
    a merge running right now (by hand) may still need its own.
    """
    now = time.time()
    for temp in [*git.cwd.glob(".merge_file_*"), *git.cwd.glob("..merge_file_*.tmp")]:
        try:
            if temp.is_file() and now - temp.stat().st_mtime > MERGE_TEMP_AGE_S:
                temp.unlink()
        except OSError:
            continue


def _set_remote(git: Git, url: str) -> None:
    verb = "set-url" if "origin" in git.out("remote").split() else "add"
    git.run("remote", verb, "origin", url)


def _remote(git: Git) -> str | None:
    """The current branch's upstream remote, else `origin`, else the only one, else None."""
    remotes = git.out("remote").split()
    branch = git.run("symbolic-ref", "--quiet", "--short", "HEAD", check=False).stdout.strip()
    upstream = git.config(f"branch.{branch}.remote") if branch else None
    if upstream in remotes:
        return upstream
    if "origin" in remotes:
        return "origin"
    return remotes[0] if remotes else None


def _branch(git: Git) -> str:
    done = git.run("symbolic-ref", "--quiet", "--short", "HEAD", check=False)
    if done.returncode != 0:
        raise SyncError("the data folder's git HEAD is detached; check out a branch, then sync")
    return done.stdout.strip()


def _adopt_remote_history(git: Git, path: Path, remote: str) -> int | None:
    """A repo without commits joins the remote's history instead of starting a rival one.

    The local data file (if any) is merged with the remote's as two sets of
    inserts, so loops typed in before the first sync are kept. Returns how
    many loops the remote brought, or None when there was no history to join
    (an empty remote), so the summary can say what arrived.
    """
    git.run("fetch", "--quiet", remote)
    head = git.run("ls-remote", "--symref", remote, "HEAD", check=False).stdout
    branch = next(
        (
            line.split()[1].removeprefix("refs/heads/")
            for line in head.splitlines()
            if line.startswith("ref:")
        ),
        None,
    )
    if branch is None or not git.ok("rev-parse", "--verify", "--quiet", f"{remote}/{branch}"):
        return None
    git.run("symbolic-ref", "HEAD", f"refs/heads/{branch}")
    git.run("reset", "--quiet", f"{remote}/{branch}")
    git.run("branch", "--quiet", f"--set-upstream-to={remote}/{branch}")
    relative = relative_to(git, path)
    shown = git.run("show", f"HEAD:{relative}", check=False)
    local = _read(path)
    if shown.returncode != 0:
        return 0
    theirs = jsonfile.decode(shown.stdout.encode(), f"{path.name} ({remote})")
    joined = merge({}, local, theirs) if local else theirs
    path.parent.mkdir(parents=True, exist_ok=True)
    jsonfile.write_atomic(path, joined)
    return len(loops_changed(local, joined))
    for name in SUPPORT_FILES:
        if not (git.cwd / name).exists():
            git.run("checkout", "--quiet", "HEAD", "--", name, check=False)


def _commit(git: Git, path: Path) -> int | None:
    """Commit the data file (nothing else); the number of loops changed, None if clean."""
    if not path.exists():
        return None
    relative = relative_to(git, path)
    names = [relative]
    git.run("add", "--", *names)
    if git.ok("diff", "--cached", "--quiet", "--", *names):
        return None
    committed = git.run("show", f"HEAD:{relative}", check=False)
    before = (
        jsonfile.decode(committed.stdout.encode(), path.name)
        if committed.returncode == 0 and committed.stdout.strip()
        else {}
    )
    changed = len(loops_changed(before, _read(path)))
    host = socket.gethostname() or "this machine"
    message = (
        f"loopdeck: sync from {host}: {_loops(changed)} changed"
        if changed
        else f"loopdeck: set up sync on {host}"
    )
    git.run("commit", "--quiet", "--no-verify", "-m", message, "--", *names)
    return changed


def _pull(git: Git, remote: str, branch: str, join: bool) -> None:
    """Fetch and merge (or rebase, if the user configured it); abort cleanly on failure."""
    git.run("fetch", "--quiet", remote)
    if not git.ok("rev-parse", "--verify", "--quiet", f"refs/remotes/{remote}/{branch}"):
        return
    args = ["pull", "--quiet", "--no-edit"]
    if git.config("pull.rebase") is None:
        args.append("--no-rebase")
    if join:
        args.append("--allow-unrelated-histories")
    marker = git.git_dir() / PULL_MARKER
    marker.write_text(git.out("rev-parse", "HEAD") + "\n", encoding="utf-8")
    try:
        done = git.run(*args, remote, branch, check=False)
    finally:
        marker.unlink(missing_ok=True)  # a killed sync leaves it, for the next to see
    if done.returncode == 0:
        return
    if git.rebase_dirs():
        git.run("rebase", "--abort", check=False)
    elif git.ok("rev-parse", "--verify", "--quiet", "MERGE_HEAD"):
        git.run("merge", "--abort", check=False)
    driver = [line for line in done.stderr.splitlines() if "loopdeck merge-driver:" in line]
    reason = driver[-1].split("loopdeck merge-driver:", 1)[1].strip() if driver else None
    if "unrelated histories" in done.stderr:
        reason = f"{remote} has a history of its own; 'loopdeck sync --init' joins it"
    raise SyncError(
        f"could not merge with {remote} ({reason or explain(done.stderr or done.stdout, git.cwd)});"
        " nothing was changed, fix that and sync again"
    )


def _recover_killed_pull(git: Git, path: Path) -> None:
    """Undo what a killed sync's pull left half done, and only that.

    The pull's marker names the commit it started from. The sync held the data
    file's lock throughout and committed the file before pulling, so:
    - a merge or rebase in progress from that very commit is the sync's own, and
      aborting it loses nothing;
    - a merge git committed before it was killed (HEAD's parents are that commit
      and MERGE_HEAD) only left git's note of it, which is dropped (`--quit`);
    - a data file git was writing when it was killed (unreadable, or gone) is
      taken again from git's index, a committed version.
    A merge started by hand, or from another commit, is left to the user
    (`refuse_unmerged` says how). A step git refuses stops the sync in git's
    words and keeps the marker, so the next sync tries again: the killed git
    often left a lock (`index.lock` while it wrote the work tree), which must be
    named here, since what runs after a failed recovery cannot name it (a
    data file gone skips `git add`, and `git pull` then only says "stash failed").
    """
    marker = git.git_dir() / PULL_MARKER
    try:
        started = marker.read_text(encoding="utf-8").strip()
    except OSError:
        return
    rebased_from = [folder / "orig-head" for folder in git.rebase_dirs()]
    origins = [p.read_text(encoding="utf-8").strip() for p in rebased_from if p.is_file()]
    if origins:
        if started in origins:
            git.run("rebase", "--abort")
    elif git.ok("rev-parse", "--verify", "--quiet", "MERGE_HEAD"):
        head = git.out("rev-parse", "HEAD")
        parents = git.out("rev-parse", f"{head}^@").split()
        if started == head:
            git.run("merge", "--abort")
        elif parents == [started, git.out("rev-parse", "MERGE_HEAD")]:
            git.run("merge", "--quit")
    else:
        try:
            jsonfile.read_strict(path)
        except (OSError, DataFileError):
            git.run("checkout", "--quiet", "--", str(path))
    marker.unlink(missing_ok=True)


def _push(git: Git, remote: str, branch: str) -> bool | str:
    """True if pushed, False if there was nothing to push, git's words if the remote moved
    meanwhile (or seemed to: a lock held the branch there).

    Other failures (authentication, a hook refusing) raise: retrying cannot help.
    """
    if git.out("rev-parse", "HEAD") == _remote_head(git, remote, branch):
        return False
    done = git.run("push", "--quiet", "--set-upstream", remote, branch, check=False)
    if done.returncode == 0:
        return True
    if any(sign in done.stderr for sign in MOVED):
        return done.stderr
    raise SyncError(f"could not push to {remote} ({last_line(done.stderr)})")


def _remote_head(git: Git, remote: str, branch: str) -> str:
    done = git.run(
        "rev-parse", "--verify", "--quiet", f"refs/remotes/{remote}/{branch}", check=False
    )
    return done.stdout.strip()
