#!/usr/bin/env bash
# A newcomer's first hour, scripted: from a clone of the repository, follow the README as a new
# student and a new teacher would, and stop at the first step that does not work.
#
#   bash benchmarks/newcomer.sh [--with-tests]
#
# 1. In a fresh virtual environment in a temporary folder, the README's play command
#    (python3 -m venv .venv && . .venv/bin/activate && pip install . && purgequiz), driven in
#    an 80x24 tmux window: the home screen, a new profile, ten cards answered by their keys,
#    the session's summary, quitting, and opening again to find the progress on the home screen.
# 2. The teacher's commands: generate a deck, lint it, export it to every format, make a demo
#    class and its report in each format; each output file must exist and not be empty (the PDF
#    must hold a question of the deck, read back with pdftotext).
# 3. Every command the README shows: each '$ ' line of its console examples, run in a shell as
#    a reader would paste it, must print what the README shows (only folder paths may differ,
#    tests/doc_examples.py says how); the commands of its sh blocks must exit 0. The app and
#    the web server are started, checked and stopped. The README's test command runs the whole
#    test suite, so it runs only with --with-tests.
#
# Each step prints its time and name; the first failure prints the step, the last screen or
# output, and exits 1. Everything is made in one temporary folder, removed at the end (also on
# failure or Ctrl+C); PURGEQUIZ_HOME always points inside it, never at your own data folder.
# Needs tmux, chromium and pdftotext (scripts/system-packages installs them with apt) and
# network access for pip, or pip's cache.
set -euo pipefail

WITH_TESTS=0
for argument in "$@"; do
    case "$argument" in
    --with-tests) WITH_TESTS=1 ;;
    -h | --help)
        sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "newcomer.sh: unknown option '$argument' (the only one is --with-tests)" >&2
        exit 2
        ;;
    esac
done

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/purgequiz-newcomer.XXXXXX")
VENV="$TMP/.venv"
SOCKET="$TMP/tmux.socket" # a tmux server of our own: no other session is touched
SESSION=newcomer
LOG="$TMP/step.log"
CURRENT=""       # the step running now
SCREEN=0         # 1 while the step drives the app: a failure shows its screen
STARTED=0

tm() { tmux -S "$SOCKET" "$@"; }

# now: microseconds since the epoch; elapsed: seconds since $STARTED, to a tenth.
now() { echo "${EPOCHREALTIME/[.,]/}"; }
elapsed() {
    local tenths=$((($(now) - STARTED) / 100000))
    echo "$((tenths / 10)).$((tenths % 10))"
}

begin() {
    CURRENT="$1"
    SCREEN="${2:-0}"
    STARTED=$(now)
    : >"$LOG"
}

finish() {
    printf '  ok  %5s s  %s\n' "$(elapsed)" "${1:-$CURRENT}"
    CURRENT=""
    SCREEN=0
}

fail() {
    echo "$*" >>"$LOG"
    exit 1
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [ "$status" -ne 0 ] && [ -n "$CURRENT" ]; then
        printf '  FAIL%5s s  %s\n' "$(elapsed)" "$CURRENT"
        if [ "$SCREEN" = 1 ] && tm has-session -t "$SESSION" 2>/dev/null; then
            echo "---- the last screen ----"
            tm capture-pane -p -t "$SESSION" || true
            echo "-------------------------"
        fi
        if [ -s "$LOG" ]; then
            echo "---- the last output ----"
            tail -n 40 "$LOG"
            echo "-------------------------"
        fi
    fi
    tm kill-server 2>/dev/null || true
    rm -rf "$TMP"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# -- the screen ---------------------------------------------------------------------------------

screen() { tm capture-pane -p -t "$SESSION"; }

# wait_for TEXT TIMEOUT: poll the screen until it shows TEXT; fail after TIMEOUT seconds.
wait_for() {
    local text="$1" deadline=$(($(now) + $2 * 1000000))
    until grep -qF -- "$text" <<<"$(screen)"; do
        if (($(now) > deadline)); then
            fail "waited $2 s for the screen to show: $text"
        fi
        sleep 0.1
    done
}

# wait_for_any TIMEOUT TEXT...: poll until one of the texts is on the screen; print it.
wait_for_any() {
    local timeout="$1" deadline=$(($(now) + $1 * 1000000)) text shown
    shift
    while :; do
        shown=$(screen)
        for text in "$@"; do
            if grep -qF -- "$text" <<<"$shown"; then
                echo "$text"
                return 0
            fi
        done
        if (($(now) > deadline)); then
            fail "waited $timeout s for the screen to show one of: $*"
        fi
        sleep 0.1
    done
}

keys() { tm send-keys -t "$SESSION" "$@"; }

# type_line TEXT: type TEXT literally at the shell prompt in the window, then Enter.
type_line() {
    tm send-keys -t "$SESSION" -l "$1"
    tm send-keys -t "$SESSION" Enter
}

# -- 0. what the script needs -------------------------------------------------------------------

begin "system packages (tmux, chromium, pdftotext)"
if ! command -v tmux >/dev/null || ! command -v pdftotext >/dev/null ||
    ! command -v chromium >/dev/null; then
    sh "$REPO/scripts/system-packages" >>"$LOG" 2>&1
fi
finish

# -- 1. a student's first session ---------------------------------------------------------------

STUDENT_HOME="$TMP/student-home"
mkdir -p "$STUDENT_HOME"

begin "venv (python3 -m venv .venv)"
python3 -m venv "$VENV" >>"$LOG" 2>&1
finish

begin "install (pip install .)"
"$VENV/bin/pip" install --disable-pip-version-check "$REPO" >>"$LOG" 2>&1
finish

begin "the app opens (purgequiz)" 1
tm new-session -d -s "$SESSION" -x 80 -y 24 -c "$TMP" "bash --noprofile --norc"
type_line "export PURGEQUIZ_HOME='$STUDENT_HOME' PS1='$ '; . '$VENV/bin/activate'; clear"
type_line "purgequiz; echo \"purgequiz exited with status \$?\""
wait_for "What name should your progress be kept under?" 30
finish

# The order of new cards is the profile's own, drawn from its name: Nina's first ten cards
# of the industry deck are of five kinds (multiple choice, typed, flashcard, ordering and
# matching; no deck that ships has true-or-false cards). Whatever comes, it is answered.
DECK="Industry, the commissariats and the decrees"
begin "create a profile (Nina)" 1
type_line "Nina"
wait_for "purgequiz  ·  Nina" 20
wait_for "$DECK" 20
finish

begin "open the fourth deck ($DECK)" 1
keys Down Down Down Enter
wait_for "0 answered" 20
sed -n 1p <<<"$(screen)" | grep -qF "$DECK" || fail "the study screen is not the deck: $DECK"
finish

# What each kind of card says above its question (purgequiz/tui/widgets/cards.py).
KINDS=("Multiple choice" "Type the answer" "Flashcard" "True or false?" "Put in order"
    "Match the pairs")
declare -A NAMES=(["Multiple choice"]="multiple choice" ["Type the answer"]=typed
    [Flashcard]=flashcard ["True or false?"]="true or false" ["Put in order"]=ordering
    ["Match the pairs"]=matching)
declare -A SEEN=()
begin "answer ten cards" 1
for card in 1 2 3 4 5 6 7 8 9 10; do
    kind=$(wait_for_any 20 "${KINDS[@]}")
    case "$kind" in
    "Multiple choice") keys 2 ;;
    "Type the answer") type_line "Yezhov" ;;
    "Flashcard")
        keys Space
        wait_for "How well did you remember it?" 10
        keys 3
        ;;
    "True or false?") keys t ;;
    "Put in order") keys "]" Enter ;; # the first event one place down, then check
    "Match the pairs") keys 1 2 3 4 5 6 Enter ;;
    esac
    wait_for "$card answered" 20
    wait_for "⏎ next card" 20 # the key bar: the feedback itself may be taller than the window
    SEEN[$kind]=$((${SEEN[$kind]:-0} + 1))
    [ "$card" = 10 ] || keys Enter
done
kinds=""
for kind in "${KINDS[@]}"; do
    [ -z "${SEEN[$kind]:-}" ] || kinds+="${kinds:+, }${SEEN[$kind]} ${NAMES[$kind]}"
done
finish "answer ten cards ($kinds)"

begin "the session's summary (q)" 1
keys q
wait_for "Session finished" 20
wait_for "Cards reviewed  10" 5
finish

begin "home, then quit (h, q)" 1
keys h
wait_for "Reviews today 10" 20
keys q
wait_for "purgequiz exited with status 0" 20
finish

begin "open again: the progress is there" 1
type_line "clear; purgequiz; echo \"purgequiz exited with status \$?\""
wait_for "Who is studying?" 30
keys Enter # the profile offered first: the one used last
wait_for "purgequiz  ·  Nina" 20
wait_for "Reviews today 10 (goal 30)" 20
wait_for "Streak 1 day" 5
grep -A1 -F "$DECK" <<<"$(screen)" | grep -qE "[0-9]+ cards · [0-9]+ new · [1-9][0-9]* learning" ||
    fail "the home screen does not show the cards being learnt in: $DECK"
keys q
wait_for "purgequiz exited with status 0" 20
tm kill-server
finish

# -- 2. a teacher's commands --------------------------------------------------------------------

TEACHER="$TMP/teacher"
mkdir -p "$TEACHER/home"
export PURGEQUIZ_HOME="$TEACHER/home"
PQ="$VENV/bin/purgequiz"

# nonempty FILE: fail unless FILE exists and holds something.
nonempty() { [ -s "$1" ] || fail "$1 was not written, or is empty"; }

begin "generate a deck"
(cd "$TEACHER" && "$PQ" generate --topic army --count 30 --seed 7 \
    --title "The army purge: quiz 1" -o army-quiz.json) >>"$LOG" 2>&1
nonempty "$TEACHER/army-quiz.json"
finish

begin "lint it"
(cd "$TEACHER" && "$PQ" decks lint army-quiz.json) >>"$LOG" 2>&1
finish

# A question of the deck, to find in the worksheets.
QUESTION=$("$VENV/bin/python" -c '
import json, sys
deck = json.load(open(sys.argv[1], encoding="utf-8"))
print(next(c["prompt"] for c in deck["cards"] if c["kind"] == "question"))
' "$TEACHER/army-quiz.json")
# The first words, as pdftotext gives them back: it may break lines between them.
QUESTION_START=$(echo "$QUESTION" | cut -d' ' -f1-6)

while read -r format suffix; do
    begin "export it: $format"
    out="$TEACHER/army-quiz$suffix"
    (cd "$TEACHER" && "$PQ" export army-quiz.json --format "$format" -o "$out") >>"$LOG" 2>&1
    nonempty "$out"
    case "$format" in
    pdf)
        pdftotext "$out" - | tr -s ' \n' '  ' | grep -qF -- "$QUESTION_START" ||
            fail "pdftotext does not find the question '$QUESTION_START…' in $out"
        ;;
    html | markdown | gift | moodle-xml | tsv | csv)
        grep -qF -- "$QUESTION_START" "$out" ||
            fail "$out does not hold the question '$QUESTION_START…'"
        ;;
    apkg | qti) "$VENV/bin/python" -m zipfile -t "$out" >>"$LOG" 2>&1 ;;
    esac
    finish "export it: $format ($(stat -c %s "$out") bytes)"
done < <("$VENV/bin/python" -c '
from purgequiz.export.registry import FORMATS
for f in FORMATS:
    print(f.name, f.suffix)
')

begin "a demo class (purgequiz demo)"
(cd "$TEACHER" && "$PQ" demo --students 12 --days 21 --until 2025-02-21 --seed 1 -o class) \
    >>"$LOG" 2>&1
[ "$(find "$TEACHER/class" -name '*.json' -size +0 | wc -l)" = 12 ] ||
    fail "demo did not write 12 progress exports into class/"
finish

for format in html md csv; do
    begin "the class report: $format"
    (cd "$TEACHER" && "$PQ" report class --format "$format" -o "report.$format") >>"$LOG" 2>&1
    nonempty "$TEACHER/report.$format"
    grep -qF "Dennis Boone" "$TEACHER/report.$format" ||
        fail "report.$format does not name the student Dennis Boone"
    finish "the class report: $format ($(stat -c %s "$TEACHER/report.$format") bytes)"
done
unset PURGEQUIZ_HOME

# -- 3. every command the README shows ----------------------------------------------------------

CURRENT="" # the README's commands report their own steps
"$VENV/bin/python" "$REPO/benchmarks/newcomer_readme.py" \
    --repo "$REPO" --venv "$VENV" --folder "$TMP/readme" --with-tests "$WITH_TESTS"

echo "every step worked"
