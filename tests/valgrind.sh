#!/bin/sh
# valgrind.sh PROGRAM [ARG...]: run a program of make check under
# valgrind, for make check-valgrind, which sets OPAS_VALGRIND_LOGS to
# a directory and makes the tests call opas (and the fuzz replays)
# through this script ($OPAS_RUN).  A memory error, or a leak that is
# definite or indirect, makes the program exit 97 and leaves its
# report in OPAS_VALGRIND_LOGS/PID.log beside the command (PID.cmd);
# check-valgrind fails if any report is there.  Leaks of third-party
# libraries are suppressed by name in valgrind.supp, never ours.
: "${OPAS_VALGRIND_LOGS:?set by make check-valgrind}"
here=$(cd "$(dirname "$0")" && pwd)
printf '%s\n' "$*" > "$OPAS_VALGRIND_LOGS/$$.cmd"
exec valgrind -q --error-exitcode=97 --leak-check=full \
    --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect --num-callers=40 \
    --suppressions="$here/valgrind.supp" \
    --log-file="$OPAS_VALGRIND_LOGS/$$.log" "$@"
