"""Uploaded note files: a safe name inside the upload folder, and a copy that never clobbers another file.

A browser sends whatever name the user's file had, or whatever a hostile client writes: `../../.bashrc`,
`C:\\Windows\\x.md`, `CON.md`, a NUL, a right-to-left override that disguises the extension, 10,000
characters. `safe_upload_name` turns any of these into one plain file name, keeping the extension;
`store_upload` copies the upload under that name (or a numbered variant) and never outside the folder."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path

from interviewer.errors import SaveError, UploadError

__all__ = ["DEFAULT_MAX_BYTES", "MAX_NAME_BYTES", "safe_upload_name", "store_upload"]

DEFAULT_MAX_BYTES = 20 * 1_000_000  # settings.max_file_mb's default, counted as the ingest command counts it
MAX_NAME_BYTES = 200  # UTF-8 bytes; file systems allow 255, and a "-9999" suffix must still fit
_MAX_SUFFIX_CHARS = 16  # a longer ".whatever" is part of the name, not an extension
_FALLBACK = "upload"
# Control, format (bidi overrides, zero-width), surrogate and unassigned code points: invisible or unstorable.
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Cn", "Zl", "Zp"}
# Characters Windows forbids in names; ':' would also open an NTFS alternate data stream.
_FORBIDDEN = re.compile(r'[<>:"|?*]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$", re.I)
_BLOCK = 1 << 20


def _clean(part: str) -> str:
    part = re.sub(r"[\t\n\r\v\f]", " ", part)
    part = "".join(ch for ch in part if unicodedata.category(ch) not in _DROPPED_CATEGORIES)
    part = _FORBIDDEN.sub("_", part)
    part = " ".join(part.split())  # runs of spaces (and other blanks): one space
    part = re.sub(r"\.{2,}", ".", part)  # no "..", anywhere
    return part.strip(" .")  # Windows drops trailing dots and spaces; a leading dot hides the file


def _fit(stem: str, suffix: str) -> str:
    while len((stem + suffix).encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem.rstrip(" .") + suffix


def safe_upload_name(name: str) -> str:
    """A plain file name for an uploaded file's name: no folders, no '..', no drive, no control or invisible
    characters, no name Windows reserves, at most MAX_NAME_BYTES bytes; the extension is kept. Pure, and a
    safe name maps to itself."""
    for _ in range(8):  # one pass can expose another cut ("0. 0." -> "0. 0" -> "0.0"); each only shortens
        safer = _safer(name)
        if safer == name:
            break
        name = safer
    return name


def _safer(name: str) -> str:
    name = unicodedata.normalize("NFC", name)
    # Both separators count (a Windows path sent from a browser), and only the last part is the name.
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"^[A-Za-z]:", "", name)  # "C:notes.md": a drive-relative path on Windows
    stem, dot, suffix = name.rpartition(".")
    suffix = _clean(suffix) if dot else ""
    if not suffix or len(suffix) > _MAX_SUFFIX_CHARS:  # no extension, or a long ".part" that is just a name
        stem, suffix = name, ""
    stem = _clean(stem) or _FALLBACK
    if _RESERVED.match(stem.split(".")[0].strip()):
        stem = f"_{stem}"
    suffix = f".{suffix}" if suffix else ""
    return _fit(stem, suffix)


def _digest(path: Path, limit: int) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            size += len(block)
            if size > limit:
                break
            digest.update(block)
    return size, digest.hexdigest()


def _numbered(name: str, number: int) -> str:
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        stem, suffix = name, ""
    return _fit(f"{stem}-{number}", f".{suffix}" if suffix else "")


def _copy_to_temp(src: Path, folder: Path, max_bytes: int) -> Path:
    """Copy the upload into a hidden temporary file in the folder (ingest skips dot files), at most max_bytes."""
    handle, temp_name = tempfile.mkstemp(dir=folder, prefix=".upload-", suffix=".part")
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out, src.open("rb") as source:
            copied = 0
            while block := source.read(_BLOCK):
                copied += len(block)
                if copied > max_bytes:  # the upload grew after it was measured
                    raise UploadError(_too_large(src.name, copied, max_bytes))
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _too_large(name: str, size: int, max_bytes: int) -> str:
    return (
        f"{name}: too large ({size / 1e6:.0f} MB, limit {max_bytes / 1e6:.0f} MB); "
        "split it or raise INTERVIEWER_MAX_FILE_MB"
    )


def _claim(temp: Path, target: Path) -> bool:
    """Give the finished temporary file the target name unless that name exists; atomic, never clobbers."""
    try:
        os.link(temp, target)  # fails if the name is taken, even by a dangling link
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        # No hard links here (some network and FAT file systems): reserve the name, then move the file onto it.
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        except FileExistsError:
            return False
        try:
            os.replace(temp, target)
        except OSError:
            target.unlink(missing_ok=True)  # our empty placeholder, not someone's file
            raise
        return True
    temp.unlink()
    return True


def store_upload(src: Path, name: str, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Path:
    """Copy an uploaded temporary file into `folder` under `safe_upload_name(name)`; returns its path. The same
    content uploaded again returns the existing file; other content under a taken name gets `name-2.ext`, ...
    Raises UploadError (too large, not a file) or SaveError (the disk is full)."""
    safe = safe_upload_name(name)
    try:
        info = src.stat()
    except OSError as exc:
        raise UploadError(f"{safe}: the upload cannot be read ({exc.strerror or exc}); upload it again") from None
    if not stat.S_ISREG(info.st_mode):
        raise UploadError(f"{safe}: not a regular file; upload the file itself")
    if info.st_size > max_bytes:
        raise UploadError(_too_large(safe, info.st_size, max_bytes))
    temp: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        size, digest = _digest(src, max_bytes)
        for number in range(1, 10_000):
            target = folder / (safe if number == 1 else _numbered(safe, number))
            if target.is_symlink() or target.exists():
                same = target.is_file() and not target.is_symlink() and _digest(target, max_bytes) == (size, digest)
                if same:
                    return target
                continue
            if temp is None:
                temp = _copy_to_temp(src, folder, max_bytes)
            if _claim(temp, target):
                temp = None
                return target
        raise UploadError(f"{safe}: 9,999 different files already carry this name; rename the file")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SaveError(f"{safe} was not stored in {folder} ({reason}); free disk space and upload again") from None
    finally:
        if temp is not None:
            temp.unlink(missing_ok=True)
