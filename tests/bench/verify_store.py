#!/usr/bin/env python3
"""Checks the store after a receive benchmark, row by row.

Every request wrk sent carried an id in X-Bench-Id and the same id inside its body. A row counts
as stored only if its body is byte for byte the template with that id, and no id appears twice.
Prints one machine-readable line; exits 1 when fewer rows are stored than were acknowledged.
"""

from __future__ import annotations

import sqlite3
import sys


def header_value(wire: bytes, name: bytes) -> bytes | None:
    wanted = name.lower()
    for line in wire.split(b"\r\n"):
        key, colon, value = line.partition(b":")
        if colon and key.strip().lower() == wanted:
            return value.strip()
    return None


def main() -> int:
    if len(sys.argv) != 5:
        print("usage: verify_store.py DB BODY_TEMPLATE ACKNOWLEDGED SENT", file=sys.stderr)
        return 2
    database, template_path, acknowledged, sent = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    with open(template_path, "rb") as file:
        template = file.read()

    # Read-only: the check must not be able to repair what it is checking.
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    seen = set()
    stored = duplicates = wrong_body = no_id = not_stored_state = 0
    for headers, body, state in connection.execute("SELECT headers, body, state FROM deliveries"):
        bench_id = header_value(headers, b"X-Bench-Id")
        if bench_id is None:
            no_id += 1
            continue
        if bench_id in seen:
            duplicates += 1
            continue
        seen.add(bench_id)
        if bytes(body) != template.replace(b"{{ID}}", bench_id):
            wrong_body += 1
            continue
        if state != 0:
            not_stored_state += 1
            continue
        stored += 1
    connection.close()

    ok = stored >= acknowledged and stored <= sent and integrity == "ok"
    ok = ok and duplicates == 0 and wrong_body == 0 and not_stored_state == 0
    print(
        f"VERIFY stored={stored} acknowledged={acknowledged} sent={sent} duplicates={duplicates} "
        f"wrong_body={wrong_body} rejected={not_stored_state} without_id={no_id} "
        f"integrity={integrity} result={'ok' if ok else 'FAILED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
