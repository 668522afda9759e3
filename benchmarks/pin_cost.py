"""What one staff-PIN guess costs: the time of one scrypt check with the stored setting, and its memory.

    python benchmarks/pin_cost.py

Prints the median of 7 checks and what that means for someone holding a copy of the database: the time
to try every 6-digit PIN on one core (half of them on average). The target is about 0.25-0.5 s a guess
(docs/kiosk.md). Run on an otherwise idle machine: other work on the cores shows as a higher figure.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hipdesk.storage import staff_pin  # noqa: E402


def main() -> int:
    salt = b"\x00" * 16
    timings, cpu = [], []
    for _ in range(7):
        started, started_cpu = time.perf_counter(), time.process_time()
        staff_pin._hash("123456", salt, staff_pin.SCRYPT_N, staff_pin.SCRYPT_R, staff_pin.SCRYPT_P)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    median = statistics.median(timings)
    memory_mb = 128 * staff_pin.SCRYPT_R * staff_pin.SCRYPT_N * staff_pin.SCRYPT_P // 2**20
    print(f"scrypt n=2^{staff_pin.SCRYPT_N.bit_length() - 1} r={staff_pin.SCRYPT_R} p={staff_pin.SCRYPT_P}: "
          f"{memory_mb} MB, median {median * 1000:.0f} ms a guess (min {min(timings) * 1000:.0f}, "
          f"max {max(timings) * 1000:.0f}); CPU time {statistics.median(cpu) * 1000:.0f} ms "
          f"(less changed by other work on the machine)")
    every = 10**staff_pin.MIN_DIGITS * min(median, statistics.median(cpu))
    print(f"every {staff_pin.MIN_DIGITS}-digit PIN on one core: {every / 86400:.1f} days "
          f"(half of that on average); a 4-digit PIN at the old setting (65 ms) fell in 157 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
