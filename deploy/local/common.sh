# shellcheck shell=bash
# Shared functions for deploy/local/start and deploy/local/test. Source it, do not run it:
#   source deploy/local/common.sh
# Every failure prints one line ("hocso: <reason>") and exits non-zero; details go to .data/logs/.
# Development defaults only (passwords, secrets): never reuse them in production (see deploy/README.md).

if [[ "${BASH_SOURCE[0]}" == "${0}" ]]; then
  echo "common.sh is a library: source it (deploy/local/start and deploy/local/test do)" >&2
  exit 2
fi

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LOCAL_DIR/../.." && pwd)"
DATA_DIR="$LOCAL_DIR/.data"
CACHE_DIR="$DATA_DIR/cache"
LOG_DIR="$DATA_DIR/logs"
RUN_DIR="$DATA_DIR/run"

S3PROXY_VERSION="4.1.0"
KEYCLOAK_VERSION="26.7.3"
# A second Keycloak (a test's own, on other ports: HOCSO_KEYCLOAK_PORT) needs its own home, since each keeps its
# database in it, and its own name for its pid file and log.
KEYCLOAK_HOME="${HOCSO_KEYCLOAK_HOME:-$DATA_DIR/keycloak-$KEYCLOAK_VERSION}"
KEYCLOAK_NAME="${HOCSO_KEYCLOAK_NAME:-keycloak}"
REALM_FILE="$REPO_ROOT/deploy/keycloak/hocso-realm.json"
# Pinned so a bare `dependency:copy` does not depend on the registry's "latest" metadata.
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

# Ports can be moved (a second stack on one machine, a test Keycloak next to a shared one); the realm's redirect
# URIs name 8080 (the app) and 8089 (the browser tests), so another app port cannot sign in without a realm change.
APP_PORT="${HOCSO_APP_PORT:-8080}"
# the app's management interface (health, metrics): operators only, never exposed
MANAGEMENT_PORT="${HOCSO_MANAGEMENT_PORT:-9090}"
S3_PORT="${HOCSO_S3_PORT:-9000}"
KEYCLOAK_PORT="${HOCSO_KEYCLOAK_PORT:-8180}"
KEYCLOAK_MANAGEMENT_PORT="${HOCSO_KEYCLOAK_MANAGEMENT_PORT:-9180}"
KEYCLOAK_URL="http://127.0.0.1:$KEYCLOAK_PORT"
KEYCLOAK_REALM_URL="$KEYCLOAK_URL/realms/hocso"
S3_URL="http://127.0.0.1:$S3_PORT"
S3_ACCESS_KEY="hocso"
# The committed development key: tests and benchmarks start their own object store with it. deploy/local/start
# replaces it with the installation's own (ensure_secrets).
S3_SECRET_KEY="hocso-dev-secret"
# The role the local app signs in to PostgreSQL with: a member of hocso acting as hocso, with the installation's own
# password (hocso/hocso stays for the tests' databases).
LOCAL_DB_USER="hocso_local"
SECRETS_FILE="$DATA_DIR/secrets.env"

# Process ids (each a process-group leader, started with setsid) started by this shell.
STARTED_PIDS=()
STARTED_NAMES=()

say() { printf '==> %s\n' "$*"; }
die() { printf 'hocso: %s\n' "$*" >&2; exit 1; }
rel() { printf '%s' "${1#"$REPO_ROOT"/}"; }

# need TOOL [APT_PACKAGE]: exit with an install hint when TOOL is not on PATH.
need() {
  local tool="$1" pkg="${2:-}"
  command -v "$tool" >/dev/null 2>&1 && return 0
  if [[ -z "$pkg" ]]; then
    case "$tool" in
      java) pkg="openjdk-17-jdk-headless" ;;
      chromium) pkg="chromium" ;;
      chromedriver) pkg="chromium-driver" ;;
      psql) pkg="postgresql-client" ;;
      pg_ctlcluster | pg_lsclusters) pkg="postgresql-common" ;;
      ss) pkg="iproute2" ;;
      setsid | runuser) pkg="util-linux" ;;
      *) pkg="$tool" ;;
    esac
  fi
  die "missing tool $tool: install with apt-get install $pkg"
}

# need_java MIN_MAJOR: java on PATH and at least that feature release.
need_java() {
  local min="${1:-17}" line major
  need java
  line="$(java -version 2>&1 | head -n 1)"
  major="$(sed -E 's/.*version "([0-9]+)(\.([0-9]+))?.*/\1 \3/' <<<"$line")"
  if [[ "$major" == "1 "* ]]; then major="${major#1 }"; else major="${major%% *}"; fi
  [[ "$major" =~ ^[0-9]+$ ]] || die "cannot tell the Java version from: $line"
  ((major >= min)) || die "Java $min or newer is needed, found $major: install with apt-get install openjdk-17-jdk-headless"
}

# port_busy PORT: true when something listens on PORT (any address).
port_busy() {
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# port_free PORT NAME: exit with one line when PORT is taken.
port_free() {
  local port="$1" name="$2" hint="" pidfile pid pport
  port_busy "$port" || return 0
  # A previous run that was killed hard may have left one of our servers behind: say which.
  for pidfile in "$RUN_DIR"/*.pid; do
    [[ -f "$pidfile" ]] || continue
    read -r pid pport <"$pidfile" || true
    if [[ "$pport" == "$port" && "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
      [[ " ${STARTED_PIDS[*]} " != *" $pid "* ]]; then
      hint="; an earlier run left $(basename "$pidfile" .pid) running: stop it with kill -- -$pid"
    fi
  done
  die "port $port is already in use ($name)$hint"
}

# wait_http URL SECONDS NAME [PID] [STATUS_REGEX]: wait until URL answers with a status matching
# STATUS_REGEX (default 2xx). Fails early when PID (the server being waited for) has exited.
wait_http() {
  local url="$1" seconds="$2" name="$3" pid="${4:-}" want="${5:-^2}" code deadline
  deadline=$((SECONDS + seconds))
  while ((SECONDS < deadline)); do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$url" 2>/dev/null || true)"
    [[ "$code" =~ $want ]] && return 0
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      die "$name exited during startup$(log_hint "$name")"
    fi
    sleep 1
  done
  die "$name did not answer $url within ${seconds}s$(log_hint "$name")"
}

log_hint() {
  local f="$LOG_DIR/$1.log"
  if [[ -f "$f" ]]; then printf ' (see %s)' "$(rel "$f")"; else printf ' (see its output above)'; fi
}

# fetch_artifact GAV [DIR]: print the path of the artifact, downloading it once with Maven.
# GAV is groupId:artifactId:version[:type[:classifier]], as for dependency:copy -Dartifact.
fetch_artifact() {
  local gav="$1" dir="${2:-$CACHE_DIR}" g a v t c file log
  IFS=: read -r g a v t c <<<"$gav"
  [[ -n "$g" && -n "$a" && -n "$v" ]] || die "bad artifact coordinates: $gav"
  t="${t:-jar}"
  file="$dir/$a-$v${c:+-$c}.$t"
  if [[ ! -s "$file" ]]; then
    mkdir -p "$dir" "$LOG_DIR"
    log="$LOG_DIR/maven-fetch.log"
    say "downloading $gav (once, cached in $(rel "$dir"))" >&2
    # Run outside the project so a half-edited pom.xml cannot get in the way.
    if ! (cd "$dir" && "$REPO_ROOT/mvnw" -B -q "$DEPENDENCY_PLUGIN:copy" \
      -Dartifact="$gav" -DoutputDirectory="$dir" -Dmdep.overWriteReleases=false) >"$log" 2>&1; then
      die "could not download $gav with Maven (see $(rel "$log"))"
    fi
    [[ -s "$file" ]] || die "Maven did not produce $(rel "$file") (see $(rel "$log"))"
  fi
  printf '%s\n' "$file"
}

# psql as the PostgreSQL superuser (root: through runuser; otherwise over TCP as postgres).
pg_super() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"
  elif [[ "$(id -un)" == postgres ]]; then
    psql -X -q -v ON_ERROR_STOP=1 "$@"
  else
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@"
  fi
}

# ensure_postgres: cluster running; role hocso/hocso and databases hocso, hocso_test owned by it.
ensure_postgres() {
  local cluster ver name i err
  need psql
  [[ "$(id -u)" != 0 ]] || need runuser
  if ! pg_super -d postgres -Atc 'select 1' >/dev/null 2>&1; then
    need pg_lsclusters
    cluster="$(pg_lsclusters -h 2>/dev/null | awk '$2 == "main" && $1 == "15" {print $1, $2; exit}')"
    [[ -n "$cluster" ]] || cluster="$(pg_lsclusters -h 2>/dev/null | awk 'NR == 1 {print $1, $2}')"
    [[ -n "$cluster" ]] || die "no PostgreSQL cluster on this machine: install with apt-get install postgresql"
    read -r ver name <<<"$cluster"
    say "starting PostgreSQL cluster $ver/$name"
    pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start >/dev/null 2>&1 ||
      die "could not start PostgreSQL $ver/$name (see /var/log/postgresql/postgresql-$ver-$name.log)"
    for ((i = 0; i < 30; i++)); do
      pg_super -d postgres -Atc 'select 1' >/dev/null 2>&1 && break
      sleep 1
    done
    pg_super -d postgres -Atc 'select 1' >/dev/null 2>&1 || die "PostgreSQL $ver/$name started but does not accept connections"
  fi
  if ! err="$(pg_super -d postgres 2>&1 >/dev/null <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hocso') THEN
    CREATE ROLE hocso LOGIN PASSWORD 'hocso';
  END IF;
END
$$;
SELECT format('CREATE DATABASE %I OWNER hocso ENCODING UTF8 TEMPLATE template0', d)
  FROM unnest(ARRAY['hocso', 'hocso_test']) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d)
\gexec
ALTER DATABASE hocso OWNER TO hocso;
ALTER DATABASE hocso_test OWNER TO hocso;
SQL
  )"; then
    die "could not create the hocso role or databases: $(grep -m 1 -i 'error' <<<"$err" || head -n 1 <<<"$err")"
  fi
  PGPASSWORD=hocso psql -X -q -h 127.0.0.1 -p 5432 -U hocso -d hocso -Atc 'select 1' >/dev/null 2>&1 ||
    die "PostgreSQL is up but hocso/hocso cannot log in on 127.0.0.1:5432 (check pg_hba.conf and the role's password)"
  say "PostgreSQL ready: databases hocso and hocso_test (user hocso)"
}

# random_secret: 48 random letters and digits.
random_secret() {
  local s=""
  while ((${#s} < 48)); do
    s+="$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  done
  printf '%s' "${s:0:48}"
}

# ensure_secrets: this installation's secrets, generated once into .data/secrets.env (mode 600, git-ignored) and
# loaded: WATCH_TICKET_SECRET, SESSION_SECRET, OIDC_CLIENT_SECRET, S3_SECRET_KEY, DB_PASSWORD. The app refuses the
# committed development defaults outside the dev and test profiles (config/Secrets.java).
ensure_secrets() {
  local name missing=()
  mkdir -p "$DATA_DIR"
  if [[ -f "$SECRETS_FILE" ]]; then
    # shellcheck source=/dev/null
    source "$SECRETS_FILE"
  fi
  for name in WATCH_TICKET_SECRET SESSION_SECRET OIDC_CLIENT_SECRET S3_SECRET_KEY DB_PASSWORD; do
    if [[ -z "${!name:-}" || "${!name}" == "hocso-dev-secret" ]]; then missing+=("$name"); fi
  done
  if ((${#missing[@]} > 0)); then
    say "generating this installation's secrets (${missing[*]}) into $(rel "$SECRETS_FILE") (once)"
    (
      umask 077
      for name in "${missing[@]}"; do printf '%s=%s\n' "$name" "$(random_secret)" >>"$SECRETS_FILE"; done
    )
    # shellcheck source=/dev/null
    source "$SECRETS_FILE"
  fi
  chmod 600 "$SECRETS_FILE"
}

# ensure_local_db_role: the role hocso_local (password DB_PASSWORD from ensure_secrets) that acts as hocso, so the
# app needs no committed password while the databases and their objects stay owned by hocso.
ensure_local_db_role() {
  local err
  if ! err="$(pg_super -d postgres -v pw="$DB_PASSWORD" 2>&1 >/dev/null <<SQL
SELECT format('CREATE ROLE %I LOGIN', '$LOCAL_DB_USER')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$LOCAL_DB_USER')
\gexec
ALTER ROLE $LOCAL_DB_USER LOGIN PASSWORD :'pw';
GRANT hocso TO $LOCAL_DB_USER;
ALTER ROLE $LOCAL_DB_USER SET role = 'hocso';
SQL
  )"; then
    die "could not set up the role $LOCAL_DB_USER: $(grep -m 1 -i 'error' <<<"$err" || head -n 1 <<<"$err")"
  fi
  PGPASSWORD="$DB_PASSWORD" psql -X -q -h 127.0.0.1 -p 5432 -U "$LOCAL_DB_USER" -d hocso -Atc 'select 1' >/dev/null 2>&1 ||
    die "PostgreSQL is up but $LOCAL_DB_USER cannot log in on 127.0.0.1:5432 (check pg_hba.conf)"
}

# app_secret_env: APP_SECRET_ENV, the variables that hand the app this installation's secrets (ensure_secrets), its
# database role (ensure_local_db_role) and its public address (this machine, unless HOCSO_PUBLIC_URL says otherwise:
# outside dev and test the app refuses to start on the committed default, config/Secrets.java).
app_secret_env() {
  APP_SECRET_ENV=(HOCSO_PUBLIC_URL="${HOCSO_PUBLIC_URL:-http://127.0.0.1:${APP_PORT:-8080}}"
    HOCSO_WATCH_TICKET_SECRET="$WATCH_TICKET_SECRET" HOCSO_SESSION_SECRET="$SESSION_SECRET"
    HOCSO_OIDC_CLIENT_SECRET="$OIDC_CLIENT_SECRET" HOCSO_S3_ACCESS_KEY="$S3_ACCESS_KEY"
    HOCSO_S3_SECRET_KEY="$S3_SECRET_KEY" HOCSO_DB_USER="$LOCAL_DB_USER" HOCSO_DB_PASSWORD="$DB_PASSWORD")
}

# keycloak_admin_token: an access token of Keycloak's development administrator (admin/admin).
keycloak_admin_token() {
  curl -fs --max-time 10 "$KEYCLOAK_URL/realms/master/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin |
    sed -nE 's/.*"access_token":"([^"]+)".*/\1/p'
}

# keycloak_client_uuid TOKEN: Keycloak's internal id of the client hocso-app.
keycloak_client_uuid() {
  curl -fs --max-time 10 -H "Authorization: Bearer $1" "$KEYCLOAK_URL/admin/realms/hocso/clients?clientId=hocso-app" |
    grep -o '"id":"[^"]*"' | head -n 1 | sed -E 's/"id":"([^"]*)"/\1/'
}

# keycloak_client_secret: print the client secret the running Keycloak holds for hocso-app.
keycloak_client_secret() {
  local token id
  token="$(keycloak_admin_token)"
  [[ -n "$token" ]] || die "cannot sign in to Keycloak's admin API at $KEYCLOAK_URL as admin/admin"
  id="$(keycloak_client_uuid "$token")"
  [[ -n "$id" ]] || die "Keycloak at $KEYCLOAK_URL has no client hocso-app in realm hocso"
  curl -fs --max-time 10 -H "Authorization: Bearer $token" "$KEYCLOAK_URL/admin/realms/hocso/clients/$id/client-secret" |
    sed -nE 's/.*"value":"([^"]+)".*/\1/p'
}

# keycloak_use_client_secret: give hocso-app this installation's OIDC_CLIENT_SECRET (ensure_secrets), through the
# admin API of the Keycloak this shell started; idempotent, so every start makes the realm and the app agree.
keycloak_use_client_secret() {
  local token id
  token="$(keycloak_admin_token)"
  [[ -n "$token" ]] || die "cannot sign in to Keycloak's admin API at $KEYCLOAK_URL as admin/admin"
  id="$(keycloak_client_uuid "$token")"
  [[ -n "$id" ]] || die "Keycloak at $KEYCLOAK_URL has no client hocso-app in realm hocso"
  curl -fs --max-time 10 -o /dev/null -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"clientId\":\"hocso-app\",\"secret\":\"$OIDC_CLIENT_SECRET\"}" "$KEYCLOAK_URL/admin/realms/hocso/clients/$id" ||
    die "could not set the client secret of hocso-app in Keycloak"
  [[ "$(keycloak_client_secret)" == "$OIDC_CLIENT_SECRET" ]] || die "Keycloak did not take the client secret of hocso-app"
  say "Keycloak's client hocso-app uses this installation's secret"
}

# record_started PID NAME PORT: remember a process group this run owns (and leave a pid file).
record_started() {
  STARTED_PIDS+=("$1")
  STARTED_NAMES+=("$2")
  mkdir -p "$RUN_DIR"
  printf '%s %s\n' "$1" "$3" >"$RUN_DIR/$2.pid"
}

# launch NAME PORT LOGFILE CMD...: start CMD in its own session (own process group), output to
# LOGFILE (or to this terminal when LOGFILE is "-"), record it, and set LAUNCHED_PID.
launch() {
  local name="$1" port="$2" log="$3"
  shift 3
  need setsid
  if [[ "$log" == "-" ]]; then
    setsid "$@" </dev/null &
  else
    mkdir -p "$(dirname "$log")"
    printf '\n===== %s: %s =====\n' "$(date '+%F %T')" "$*" >>"$log"
    setsid "$@" </dev/null >>"$log" 2>&1 &
  fi
  LAUNCHED_PID=$!
  record_started "$LAUNCHED_PID" "$name" "$port"
}

# stop_started: stop exactly the process groups this shell started, newest first.
stop_started() {
  local i pid name n
  for ((i = ${#STARTED_PIDS[@]} - 1; i >= 0; i--)); do
    pid="${STARTED_PIDS[$i]}"
    name="${STARTED_NAMES[$i]}"
    if kill -0 "$pid" 2>/dev/null; then
      say "stopping $name (pid $pid)"
      kill -TERM -- "-$pid" 2>/dev/null || true
      for ((n = 0; n < 30; n++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
      done
      if kill -0 -- "-$pid" 2>/dev/null; then
        kill -KILL -- "-$pid" 2>/dev/null || true
      fi
      wait "$pid" 2>/dev/null || true
    fi
    rm -f "$RUN_DIR/$name.pid"
  done
  STARTED_PIDS=()
  STARTED_NAMES=()
}

# start_s3proxy: S3 API on 127.0.0.1:S3_PORT (9000), files under .data/s3, keys S3_ACCESS_KEY/S3_SECRET_KEY.
# S3Proxy holds a browser's form upload (a presigned POST) in memory whole before it checks the policy, so the local
# stack allows smaller videos than production (MinIO streams them): 64 MiB, within S3Proxy's -Xmx below (it keeps
# a few copies of the body while it parses it).
S3PROXY_MAX_UPLOAD=67108864

# A real SMTP server for development (GreenMail standalone): the app sends reminders to 127.0.0.1:$SMTP_PORT; the
# sent mail is read over its HTTP API: curl $MAIL_API/api/user, then $MAIL_API/api/user/<address>/messages/.
SMTP_PORT="${SMTP_PORT:-2525}"
MAIL_API_PORT="${MAIL_API_PORT:-2526}"
MAIL_API="http://127.0.0.1:$MAIL_API_PORT"
start_greenmail() {
  local jar
  port_free "$SMTP_PORT" "SMTP server"
  port_free "$MAIL_API_PORT" "mail viewer"
  jar="$(fetch_artifact "com.icegreen:greenmail-standalone:2.1.5")"
  mkdir -p "$LOG_DIR"
  say "starting GreenMail (SMTP 127.0.0.1:$SMTP_PORT, sent mail at $MAIL_API/api/user) (log $(rel "$LOG_DIR/greenmail.log"))"
  launch greenmail "$SMTP_PORT" "$LOG_DIR/greenmail.log" java -Xms16m -Xmx128m \
    -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.smtp.hostname=127.0.0.1 \
    -Dgreenmail.api.port="$MAIL_API_PORT" -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    -jar "$jar"
  wait_http "$MAIL_API/api/service/readiness" 60 greenmail "$LAUNCHED_PID"
}

start_s3proxy() {
  local jar props
  need_java 17
  need curl
  port_free "$S3_PORT" "object store"
  jar="$(fetch_artifact "org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies")"
  mkdir -p "$DATA_DIR/s3" "$LOG_DIR"
  props="$DATA_DIR/s3proxy.properties"
  cat >"$props" <<EOF
# Generated by deploy/local/common.sh (start_s3proxy) on each start. Development defaults only.
s3proxy.endpoint=$S3_URL
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_ACCESS_KEY
s3proxy.credential=$S3_SECRET_KEY
s3proxy.cors-allow-origins=http://127.0.0.1:$APP_PORT http://localhost:$APP_PORT
s3proxy.cors-allow-methods=GET PUT POST HEAD
s3proxy.cors-allow-headers=*
s3proxy.cors-exposed-headers=ETag
s3proxy.v4-max-non-chunked-request-size=$((S3PROXY_MAX_UPLOAD + 1048576))
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DATA_DIR/s3
EOF
  say "starting S3Proxy $S3PROXY_VERSION on $S3_URL (log $(rel "$LOG_DIR/s3proxy.log"))"
  launch s3proxy "$S3_PORT" "$LOG_DIR/s3proxy.log" java -Xms32m -Xmx512m -jar "$jar" --properties "$props"
  # Unauthenticated GET / must be refused with 403 AccessDenied: that is an S3 server answering.
  wait_http "$S3_URL/" 60 s3proxy "$LAUNCHED_PID" '^(2..|403)$'
  say "object store ready: $S3_URL (access key $S3_ACCESS_KEY)"
}

# keycloak_has_realm: true when something on KEYCLOAK_PORT (8180) serves the hocso realm.
keycloak_has_realm() {
  curl -fs -o /dev/null --max-time 3 "$KEYCLOAK_REALM_URL/.well-known/openid-configuration"
}

# start_keycloak: Keycloak in dev mode on 127.0.0.1:KEYCLOAK_PORT (8180), realm hocso imported on first start;
# returns once the realm answers (up to 180 s).
start_keycloak() {
  launch_keycloak
  wait_keycloak
}

# launch_keycloak: start_keycloak without the wait (call wait_keycloak before using it).
launch_keycloak() {
  local zip tmp import="$KEYCLOAK_HOME/data/import/hocso-realm.json"
  need_java 17
  need curl
  need unzip
  port_free "$KEYCLOAK_PORT" "Keycloak"
  [[ -f "$REALM_FILE" ]] || die "realm file missing: $(rel "$REALM_FILE")"
  if [[ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]]; then
    zip="$(fetch_artifact "org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip")"
    say "unpacking Keycloak $KEYCLOAK_VERSION into $(rel "$KEYCLOAK_HOME")"
    tmp="$DATA_DIR/.unzip-keycloak"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    unzip -q "$zip" -d "$tmp" || die "could not unzip $(rel "$zip") (delete it to download again)"
    [[ -x "$tmp/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ]] || die "unexpected layout in $(rel "$zip")"
    mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
    rm -rf "$tmp"
  fi
  mkdir -p "$KEYCLOAK_HOME/data/import" "$LOG_DIR"
  if [[ -f "$import" ]] && ! cmp -s "$REALM_FILE" "$import" && [[ -d "$KEYCLOAK_HOME/data/h2" ]]; then
    say "note: $(rel "$REALM_FILE") changed, but Keycloak keeps the realm it already imported;" \
      "to re-import, stop everything and delete $(rel "$KEYCLOAK_HOME/data/h2")"
  fi
  cp "$REALM_FILE" "$import"
  # our sign-in theme (deploy/keycloak/themes/hocso), copied on every start: start-dev does not cache themes
  rm -rf "$KEYCLOAK_HOME/themes/hocso"
  cp -R "$REPO_ROOT/deploy/keycloak/themes/hocso" "$KEYCLOAK_HOME/themes/hocso"
  say "starting Keycloak $KEYCLOAK_VERSION on $KEYCLOAK_URL (30-60 s; log $(rel "$LOG_DIR/$KEYCLOAK_NAME.log"))"
  # --http-management-port moves the management interface off 9000 (the object store) should
  # health or metrics ever be enabled; --import-realm skips a realm that already exists.
  launch "$KEYCLOAK_NAME" "$KEYCLOAK_PORT" "$LOG_DIR/$KEYCLOAK_NAME.log" env \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
    --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
    --hostname="$KEYCLOAK_URL" --import-realm
  KEYCLOAK_PID="$LAUNCHED_PID"
}

# wait_keycloak: wait (up to 300 s) until the Keycloak launched by this shell serves realm hocso.
wait_keycloak() {
  wait_http "$KEYCLOAK_REALM_URL/.well-known/openid-configuration" 300 "$KEYCLOAK_NAME" "${KEYCLOAK_PID:-}"
  say "Keycloak ready: $KEYCLOAK_URL (admin console $KEYCLOAK_URL/admin/, admin/admin)"
}
