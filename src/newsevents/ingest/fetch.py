"""Fetching `http(s)://` inputs: a timeout, a size cap, a User-Agent naming newsevents, and a
limit on redirects. Nothing else in newsevents touches the network."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from .. import __version__
from ..errors import InputError, message

USER_AGENT = f"newsevents/{__version__} (+https://pypi.org/project/newsevents/)"
# Seconds to wait for a server; bytes accepted from one URL; redirects followed.
TIMEOUT_SECONDS = 20.0
MAX_BYTES = 20_000_000
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    content_type: str


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS


def fetch_url(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES
              ) -> Fetched:
    """The body of `url`, or InputError saying what went wrong (status, timeout, size)."""
    opener = urllib.request.build_opener(_LimitedRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputError(message("E050", url=url, detail=f"larger than {max_bytes} "
                                                                 "bytes"))
            return Fetched(response.geturl(), data,
                           response.headers.get("Content-Type", "").lower())
    except urllib.error.HTTPError as e:
        raise InputError(message("E050", url=url, detail=f"HTTP {e.code} {e.reason}")) from e
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise InputError(message("E050", url=url, detail=str(reason) or "timed out")) from e
