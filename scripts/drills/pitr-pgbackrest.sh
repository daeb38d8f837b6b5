#!/usr/bin/env bash
# Point-in-time recovery drill with pgBackRest, measured.
#
# Rehearses docs/runbooks/disaster-recovery.md ("Point-in-time recovery on PostgreSQL") on a
# throwaway PostgreSQL 15 cluster, with the same postgresql.conf and pgbackrest.conf settings the
# runbook prescribes (only the paths differ), and prints the numbers the runbook quotes:
#
#   1. creates cluster 15/$PITR_CLUSTER on 127.0.0.1:$PITR_PORT with WAL archiving to a pgBackRest
#      repository in a temporary folder (encrypted, zstd), stanza-create + check;
#   2. applies the app's schema with the app's own `npm run db:migrate`, then builds the
#      100,000-user dataset with `npm run bench:backup -- --keep` (the generator behind the backup
#      benchmark) on this cluster;
#   3. full backup, a day's worth of new writes, differential backup, more writes (the schedule in
#      the runbook: weekly full, daily diff, WAL in between);
#   4. records the target time, then the incident: a wrong DELETE (every assistant chat message)
#      plus writes that must NOT survive the recovery;
#   5. measures the RPO window: how long a commit waits for its WAL segment to be archived when
#      nothing else fills the segment (bounded by archive_timeout);
#   6. stops the cluster, moves its data folder aside and restores in place with
#      `pgbackrest restore --type=time --target=… --target-action=promote`, exactly as the runbook
#      says, timing the file restore and the WAL replay separately;
#   7. verifies: the deleted rows are back (same count and checksum as at the target time), the
#      writes between the backups and the target are there, the writes after the target are not,
#      archiving works on the new timeline (`pgbackrest check`) and a new full backup succeeds;
#   8. prints a summary, and drops the cluster and the temporary folder whatever happened (trap).
#
# Run as root (it creates and drops a cluster with pg_createcluster / pg_dropcluster), with Node on
# PATH, from the repository root or anywhere:
#
#   npm run drill:pitr                                       # as root, Node 22.22+ on PATH
#   PITR_USERS=2000 scripts/drills/pitr-pgbackrest.sh        # quick smoke run
#
# Settings (environment): PITR_CLUSTER (pitr), PITR_PORT (5433), PITR_USERS (100000),
# PITR_DAY_USERS (new sign-ups written in each "day" of activity after a backup, 10000),
# PITR_ARCHIVE_TIMEOUT (archive_timeout in seconds, 60), TMPDIR.
#
# It never touches any other cluster: every client call names 127.0.0.1:$PITR_PORT or the socket of
# its own cluster, and the ports of the shared clusters are refused.
set -euo pipefail
export LC_ALL=C # decimal points, not commas, in EPOCHREALTIME and printf

PG_MAJOR=15
CLUSTER="${PITR_CLUSTER:-pitr}"
PORT="${PITR_PORT:-5433}"
USERS="${PITR_USERS:-100000}"
DAY_USERS="${PITR_DAY_USERS:-10000}"
ARCHIVE_TIMEOUT="${PITR_ARCHIVE_TIMEOUT:-60}"
STANZA=ibc
SOCKET_DIR=/var/run/postgresql
PG_BIN="/usr/lib/postgresql/$PG_MAJOR/bin"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

die() {
  echo "pitr-drill: $*" >&2
  exit 1
}
log() { printf '\n[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# --- Refuse anything that could touch someone else's database ---------------------------------
[[ $(id -u) -eq 0 ]] || die "run as root (pg_createcluster/pg_dropcluster and runuser need it)"
[[ $PORT =~ ^[0-9]+$ ]] || die "PITR_PORT must be a number"
# 5432 is the shared development/test cluster, 5434 another team's drill cluster.
[[ $PORT != 5432 && $PORT != 5434 ]] || die "port $PORT belongs to a shared cluster; pick another PITR_PORT"
[[ $CLUSTER =~ ^[a-z][a-z0-9_]*$ && $CLUSTER != main ]] || die "PITR_CLUSTER must be a new cluster name, not '$CLUSTER'"
command -v pgbackrest >/dev/null || die "pgbackrest is not installed (apt-get install -y pgbackrest)"
command -v pg_createcluster >/dev/null || die "postgresql-common is not installed"
[[ -x $PG_BIN/postgres ]] || die "PostgreSQL $PG_MAJOR is not installed"
command -v node >/dev/null || die "node is not on PATH"
command -v npm >/dev/null || die "npm is not on PATH"
# An existing cluster of that name may belong to someone: never reuse or drop it.
if pg_lsclusters -h | awk -v c="$CLUSTER" -v v="$PG_MAJOR" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  die "cluster $PG_MAJOR/$CLUSTER already exists; if it is a leftover of this drill, run: pg_dropcluster $PG_MAJOR $CLUSTER --stop"
fi
if pg_lsclusters -h | awk -v p="$PORT" '$3 == p { found = 1 } END { exit !found }'; then
  die "another cluster already uses port $PORT"
fi
CLUSTER_ETC="/etc/postgresql/$PG_MAJOR/$CLUSTER"
[[ ! -e $CLUSTER_ETC ]] || die "$CLUSTER_ETC exists without a cluster (a leftover?); remove it first"

LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)" # the machine may be shared: report its load

# --- Throwaway state, removed by the trap ------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ibc-pitr-drill.XXXXXX")"
DATA="$WORK/data"
CONF="$WORK/pgbackrest.conf"
CLUSTER_CREATED=0

cleanup() {
  local status=$?
  set +e
  if [[ $status -ne 0 ]]; then
    echo "pitr-drill: FAILED (exit $status); last lines of the PostgreSQL log:" >&2
    tail -n 30 "/var/log/postgresql/postgresql-$PG_MAJOR-$CLUSTER.log" >&2 2>/dev/null
    tail -n 30 "$WORK"/log/*.log >&2 2>/dev/null
  fi
  if [[ $CLUSTER_CREATED -eq 1 ]]; then
    # pg_dropcluster removes only the files it created, and keeps /etc/…/conf.d if anything else
    # is in it: remove our archiving.conf first.
    rm -f "$CLUSTER_ETC/conf.d/archiving.conf"
    # --stop: fast shutdown; removes the data folder and the cluster's /etc and log files.
    pg_dropcluster "$PG_MAJOR" "$CLUSTER" --stop >/dev/null 2>&1
  fi
  # The asynchronous archive-push worker may outlive the server for a moment; stop it before
  # deleting its spool and lock folders.
  [[ -f $CONF ]] && runuser -u postgres -- pgbackrest --config="$CONF" --stanza="$STANZA" stop --force >/dev/null 2>&1
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

chown postgres:postgres "$WORK"
chmod 700 "$WORK"
install -d -o postgres -g postgres -m 700 "$WORK/repo" "$WORK/spool" "$WORK/log" "$WORK/lock"

# --- Helpers -----------------------------------------------------------------------------------
now_ms() { echo $((${EPOCHREALTIME/./} / 1000)); }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f s", ms / 1000 }'; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }

# WAL actually written by the cluster so far (pg_stat_wal, PostgreSQL 14+), in bytes. LSN
# differences would also count the unused tails of segments closed early by archive_timeout,
# pg_switch_wal() and backups.
wal_written() { q postgres -c 'select wal_bytes from pg_stat_wal'; }

# psql against the drill cluster only, over TCP like the app (trust for 127.0.0.1, see below).
q() {
  local db="$1"
  shift
  psql "host=127.0.0.1 port=$PORT user=postgres dbname=$db" -X -A -t -q -v ON_ERROR_STOP=1 "$@"
}
# pgBackRest runs as postgres (it reads the data folder and writes the repository).
pb() { runuser -u postgres -- pgbackrest --config="$CONF" --stanza="$STANZA" "$@"; }
# A value from `pgbackrest info --output=json` for the newest backup; $1 is a JS expression on `b`.
backup_info() {
  pb info --output=json | node -e '
    let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => {
      const backups = JSON.parse(s)[0].backup; const b = backups[backups.length - 1];
      console.log(eval(process.argv[1]));
    });' "$1"
}
wait_promoted() {
  # Poll until recovery has reached the target and promoted (pg_is_in_recovery() = false).
  local deadline=$(($(date +%s) + 3600))
  until [[ $(q postgres -c 'select pg_is_in_recovery()' 2>/dev/null) == f ]]; do
    (($(date +%s) < deadline)) || die "recovery did not finish within an hour"
    if ! pg_lsclusters -h | awk -v c="$CLUSTER" '$2 == c && $4 ~ /^online/  { f = 1 } END { exit !f }'; then
      die "the server stopped during recovery (target not reached?)"
    fi
    sleep 0.2
  done
}

# --- 1. Cluster with WAL archiving to pgBackRest -----------------------------------------------
log "Creating cluster $PG_MAJOR/$CLUSTER on 127.0.0.1:$PORT, data in $DATA"
# Local socket: peer (pgBackRest and the drill's admin run as postgres); 127.0.0.1: trust, so the
# app's tools connect with postgres://postgres@127.0.0.1:$PORT like they do on the dev cluster.
# The cluster lives for the length of the drill and listens on localhost only.
pg_createcluster "$PG_MAJOR" "$CLUSTER" --port "$PORT" --datadir "$DATA" --start-conf manual \
  -- --auth-local=peer --auth-host=trust >/dev/null
CLUSTER_CREATED=1

# The runbook's settings, verbatim except for the config path in archive_command.
cat >"$CLUSTER_ETC/conf.d/archiving.conf" <<EOF
wal_level = replica
archive_mode = on
archive_command = 'pgbackrest --config=$CONF --stanza=$STANZA archive-push %p'
archive_timeout = ${ARCHIVE_TIMEOUT}s
max_wal_senders = 10
wal_compression = on
EOF

# The runbook's pgbackrest.conf, with a posix repository in the temp folder instead of S3 and a
# throwaway encryption passphrase.
CIPHER_PASS="$(openssl rand -base64 48 | tr -d '\n')"
install -m 600 -o postgres -g postgres /dev/null "$CONF"
cat >"$CONF" <<EOF
[global]
repo1-path=$WORK/repo
repo1-retention-full=3
repo1-cipher-type=aes-256-cbc
repo1-cipher-pass=$CIPHER_PASS
compress-type=zst
compress-level=3
process-max=2
start-fast=y
archive-async=y
spool-path=$WORK/spool
log-path=$WORK/log
lock-path=$WORK/lock
log-level-console=info
log-level-file=detail

[global:archive-get]
process-max=2

[$STANZA]
pg1-path=$DATA
pg1-port=$PORT
pg1-socket-path=$SOCKET_DIR
EOF

pg_ctlcluster "$PG_MAJOR" "$CLUSTER" start
log "pgbackrest stanza-create + check"
pb stanza-create
pb check

# --- 2. Schema and dataset ---------------------------------------------------------------------
CLUSTER_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
log "App schema: npm run db:migrate against $CLUSTER_URL"
(cd "$REPO_ROOT" && DATABASE_URL="$CLUSTER_URL" npm run --silent db:migrate)

log "Dataset: npm run bench:backup -- --users $USERS --plain --keep (on this cluster only)"
started=$(now_ms)
# The benchmark creates ibc_bench_backup_<x> (filled by SQL generate_series, through the app's
# migrations), dumps it and restores the dump into ibc_bench_restore_<x>; --keep leaves both.
WAL_BEFORE_DATASET=$(wal_written)
(cd "$REPO_ROOT" && BENCH_DATABASE_URL="$CLUSTER_URL" npm run --silent bench:backup -- --users "$USERS" --plain --keep) |
  tee "$WORK/bench.out" | sed 's/^/  bench: /'
DATASET_MS=$(($(now_ms) - started))
DATASET_WAL=$(($(wal_written) - WAL_BEFORE_DATASET))
DATASET_ROWS=$(grep -o 'Rows (all tables) | [0-9,]*' "$WORK/bench.out" | awk '{ print $5 }')
DB="$(q postgres -c "select datname from pg_database where datname like 'ibc_bench_backup_%'")"
[[ -n $DB && $DB != *$'\n'* ]] || die "could not find the benchmark's database"
# The restored copy is an identical second dataset: drop it so the cluster holds one.
q postgres -c "drop database $(q postgres -c "select datname from pg_database where datname like 'ibc_bench_restore_%'")"
q "$DB" -c 'checkpoint'
DATABASE_BYTES=$(q "$DB" -c 'select pg_database_size(current_database())')
CLUSTER_BYTES=$(q postgres -c 'select sum(pg_database_size(datname)) from pg_database')
echo "  database $DB: $(q "$DB" -c 'select count(*) from users') users, $DATASET_ROWS rows, $(mib "$DATABASE_BYTES"); cluster $(mib "$CLUSTER_BYTES")"

# A day of activity: new sign-ups with a session, a chat of four messages and a diagnostic take,
# and updates to 10 % of the existing chats. Rows are tagged by email so they can be counted later.
activity() {
  local tag="$1" count="$2"
  q "$DB" <<SQL
begin;
insert into users (id, name, email, email_verified, created_at, updated_at)
  select md5('$tag' || g)::uuid, 'Drill User ' || g, '$tag-' || g || '@drill.example.com', true, now(), now()
  from generate_series(1, $count) g;
insert into sessions (user_id, token, expires_at, ip_address, user_agent)
  select id, encode(sha256(('s' || id)::bytea), 'hex'), now() + interval '30 days', '198.51.100.7',
         'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/142.0 Safari/537.36'
  from users where email like '$tag-%';
insert into chat_sessions (id, user_id, title, last_message_at)
  select md5('chat' || id)::uuid, id, 'Positioning for ' || left(id::text, 8), now()
  from users where email like '$tag-%';
insert into chat_messages (session_id, role, content, follow_ups, provider, prompt_version)
  select s.id, case when k % 2 = 1 then 'user' else 'assistant' end,
         case when k % 2 = 1 then 'Which promise should my brand lead with? ' || md5(s.id::text || k)
              else repeat('Lead with the one outcome your best customers already describe. ', 4) || md5(s.id::text || k) end,
         case when k % 2 = 0 then '["Show me an example"]'::jsonb else '[]'::jsonb end,
         case when k % 2 = 0 then 'openai' end, case when k % 2 = 0 then 1 end
  from chat_sessions s join users u on u.id = s.user_id, generate_series(1, 4) k
  where u.email like '$tag-%';
insert into diagnostic_results (user_id, questionnaire_version, answers, overall_score, insight_score,
       distinctive_score, empathetic_score, authentic_score)
  select id, 1, '{"insight-motivation": 4, "distinctive-difference": 3, "empathetic-bond": 5}'::jsonb,
         70, 65, 60, 80, 75
  from users where email like '$tag-%';
update chat_sessions set last_message_at = now(), updated_at = now() where abs(hashtext(id::text || '$tag')) % 10 = 0;
commit;
SQL
}
lsn() { q postgres -c 'select pg_current_wal_lsn()'; }
wal_span() { q postgres -c "select pg_wal_lsn_diff('$2', '$1')::bigint"; }
segments() { q postgres -c "select floor(pg_wal_lsn_diff('$2', '0/0') / 16777216)::bigint - floor(pg_wal_lsn_diff('$1', '0/0') / 16777216)::bigint + 1"; }

# --- 3. Full backup, a day, differential backup, another day ------------------------------------
log "Full backup"
started=$(now_ms)
pb backup --type=full
FULL_MS=$(($(now_ms) - started))
FULL_SIZE=$(backup_info 'b.info.size')
FULL_REPO=$(backup_info 'b.info.repository.delta')

log "Day 1: $DAY_USERS sign-ups with chats and diagnostics, 10 % of chats updated"
started=$(now_ms)
wal=$(wal_written)
activity pitr-day1 "$DAY_USERS"
DAY1_MS=$(($(now_ms) - started))
DAY1_WAL=$(($(wal_written) - wal))

log "Differential backup"
started=$(now_ms)
pb backup --type=diff
DIFF_MS=$(($(now_ms) - started))
DIFF_REPO=$(backup_info 'b.info.repository.delta')
DIFF_DELTA=$(backup_info 'b.info.delta')
DIFF_LABEL=$(backup_info 'b.label')
DIFF_STOP_LSN=$(backup_info 'b.lsn.stop')

log "Day 2 (to be replayed from the archive): $DAY_USERS more sign-ups"
wal=$(wal_written)
activity pitr-day2 "$DAY_USERS"
DAY2_WAL=$(($(wal_written) - wal))

# --- 4. Target time, then the incident -----------------------------------------------------------
# Fingerprint of the table the incident damages, as it is at the target time.
FINGERPRINT_SQL="select count(*) || ' ' || md5(string_agg(id::text || md5(content), ',' order by id)) from chat_messages"
EXPECTED_MESSAGES=$(q "$DB" -c "$FINGERPRINT_SQL")
EXPECTED_USERS=$(q "$DB" -c 'select count(*) from users')
sleep 1 # commits before the target are at least a second older than it
TARGET=$(q postgres -c "select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'")
TARGET_LSN=$(lsn)
sleep 1
log "Target time $TARGET; incident: delete from chat_messages where role = 'assistant'"
wal=$(wal_written)
DELETED=$(q "$DB" -c "with d as (delete from chat_messages where role = 'assistant' returning 1) select count(*) from d")
INCIDENT_WAL=$(($(wal_written) - wal))
activity pitr-late 1000 # written after the target: must be gone after recovery
echo "  deleted $DELETED chat messages; 1000 sign-ups written after the target"

# --- 5. RPO window ------------------------------------------------------------------------------
# Right after a segment switch, commit one row and time how long until its segment is in the
# archive. With nothing else writing, that is archive_timeout plus the archive-push time: the worst
# case for how much committed data a lost server takes with it.
log "RPO probe (up to ${ARCHIVE_TIMEOUT}s): one commit right after a WAL switch, time until archived"
q postgres -c 'create table if not exists drill_rpo_probe (at timestamptz not null default now())'
q postgres -c 'select pg_switch_wal()' >/dev/null
started=$(now_ms)
PROBE_SEGMENT=$(q postgres -c 'insert into drill_rpo_probe default values' -c 'select pg_walfile_name(pg_current_wal_lsn())')
until [[ $(q postgres -c "select coalesce(last_archived_wal, '') >= '$PROBE_SEGMENT' from pg_stat_archiver") == t ]]; do
  (($(now_ms) - started < (ARCHIVE_TIMEOUT + 120) * 1000)) || die "segment $PROBE_SEGMENT not archived in time"
  sleep 0.2
done
RPO_MS=$(($(now_ms) - started))

# --- 6. Recovery, as in the runbook --------------------------------------------------------------
log "Runbook step: pgbackrest check (switches WAL and waits until it is archived), stop, move data aside"
pb check
ARCHIVE_BYTES=$(du -sb "$WORK/repo/archive" | cut -f1)
pg_ctlcluster "$PG_MAJOR" "$CLUSTER" stop
mv "$DATA" "$WORK/data.broken"
install -d -o postgres -g postgres -m 700 "$DATA"

log "pgbackrest restore --type=time --target=\"$TARGET\" --target-action=promote"
started=$(now_ms)
pb restore --type=time --target="$TARGET" --target-action=promote | tee "$WORK/restore.out"
RESTORE_MS=$(($(now_ms) - started))
RESTORED_SET=$(grep -o 'restore backup set [^,]*' "$WORK/restore.out" | awk '{ print $4 }' || true)

log "Start PostgreSQL: replay WAL to the target, promote"
started=$(now_ms)
# -t: pg_ctl waits at most this long for the server to accept (read-only) connections.
pg_ctlcluster "$PG_MAJOR" "$CLUSTER" start -- -t 3600
wait_promoted
REPLAY_MS=$(($(now_ms) - started))
PG_LOG="/var/log/postgresql/postgresql-$PG_MAJOR-$CLUSTER.log"
grep -E 'starting point-in-time recovery|recovery stopping|selected new timeline|archive recovery complete|ready to accept' \
  "$PG_LOG" | tail -n 6 | sed 's/^/  log: /'
# The replay itself, from the server's own log timestamps (log_line_prefix starts with %m):
# 'starting point-in-time recovery' → 'recovery stopping before commit …'.
log_ms() { date -d "$(grep "$1" "$PG_LOG" | tail -n 1 | cut -d' ' -f1-3)" +%s%3N; }
REPLAY_ONLY_MS=$(($(log_ms 'recovery stopping') - $(log_ms 'starting point-in-time recovery')))

# --- 7. Verify ----------------------------------------------------------------------------------
log "Verifying"
fail=0
check() {
  if [[ $2 == "$3" ]]; then echo "  ok   $1: $2"; else
    echo "  FAIL $1: got '$2', expected '$3'"
    fail=1
  fi
}
check "chat_messages count + checksum = as at the target" "$(q "$DB" -c "$FINGERPRINT_SQL")" "$EXPECTED_MESSAGES"
check "assistant messages back" "$(q "$DB" -c "select count(*) >= $DELETED from chat_messages where role = 'assistant'")" t
check "users = as at the target" "$(q "$DB" -c 'select count(*) from users')" "$EXPECTED_USERS"
check "day-1 sign-ups (in the diff backup)" "$(q "$DB" -c "select count(*) from users where email like 'pitr-day1-%'")" "$DAY_USERS"
check "day-2 sign-ups (replayed from WAL)" "$(q "$DB" -c "select count(*) from users where email like 'pitr-day2-%'")" "$DAY_USERS"
check "sign-ups after the target (must be gone)" "$(q "$DB" -c "select count(*) from users where email like 'pitr-late-%'")" 0
check "restored from the differential backup" "$RESTORED_SET" "$DIFF_LABEL"
check "writable after promote" "$(q "$DB" -c 'select not pg_is_in_recovery()')" t
check "new timeline after promote" "$(q postgres -c 'select substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8)')" 00000002
# Archiving continues on the new timeline.
pb check >/dev/null && echo "  ok   pgbackrest check on the new timeline"
[[ $fail -eq 0 ]] || die "verification failed"

# The runbook's last step: a new full backup at once, on the new timeline.
log "Runbook step: new full backup after the recovery"
started=$(now_ms)
pb backup --type=full
AFTER_MS=$(($(now_ms) - started))
echo "  ok   full backup on timeline 2: $(backup_info 'b.label')"

# --- 8. Summary ---------------------------------------------------------------------------------
REPLAY_SPAN=$(wal_span "$DIFF_STOP_LSN" "$TARGET_LSN")
REPLAY_SEGMENTS=$(segments "$DIFF_STOP_LSN" "$TARGET_LSN")
cat <<EOF

PITR drill with pgBackRest $(pgbackrest version | awk '{ print $2 }'), PostgreSQL $(q postgres -c 'show server_version'), $(date -u +%Y-%m-%d)
Machine: $(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM; load average at start $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg)
| Measure | Value |
| --- | --- |
| Dataset | $USERS users (bench:backup), $DATASET_ROWS rows, database $(mib "$DATABASE_BYTES"), cluster $(mib "$CLUSTER_BYTES"); built in $(secs "$DATASET_MS") (incl. the benchmark's own dump + restore), $(mib "$DATASET_WAL") of WAL |
| Full backup (zstd-3, AES-256, 2 processes) | $(secs "$FULL_MS"); $(mib "$FULL_SIZE") of database, $(mib "$FULL_REPO") in the repository |
| Day 1 ($DAY_USERS sign-ups with session, chat of 4 messages, diagnostic; 10 % of chats updated) | $(secs "$DAY1_MS"); $(mib "$DAY1_WAL") of WAL written |
| Differential backup | $(secs "$DIFF_MS"); $(mib "$DIFF_DELTA") changed, $(mib "$DIFF_REPO") in the repository |
| Day 2 (same again; replayed from the archive) | $(mib "$DAY2_WAL") of WAL written; diff backup → target spans $REPLAY_SEGMENTS segments ($(mib "$REPLAY_SPAN")) |
| Wrong DELETE | $DELETED chat messages, $(mib "$INCIDENT_WAL") of WAL |
| WAL archive (zstd + AES, everything since the cluster was created) | $(mib "$ARCHIVE_BYTES") |
| pgbackrest restore (set $RESTORED_SET) | $(secs "$RESTORE_MS") |
| Start + WAL replay to the target + promote | $(secs "$REPLAY_MS") |
| — of which replay (server log), ≈ day 2's WAL | $(secs "$REPLAY_ONLY_MS"), ≈ $(awk -v b="$DAY2_WAL" -v ms="$REPLAY_ONLY_MS" 'BEGIN { printf "%.0f", b / 1048576 / (ms / 1000) }') MiB/s |
| Restore + replay, total | $(secs $((RESTORE_MS + REPLAY_MS))) |
| RPO probe: commit → its segment archived (archive_timeout = ${ARCHIVE_TIMEOUT}s) | $(secs "$RPO_MS") |
| New full backup after the recovery | $(secs "$AFTER_MS") |
EOF
