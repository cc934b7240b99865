#!/usr/bin/env bash
# wordpress-peer.sh — a real WordPress (Debian's `wordpress` package, 6.1.x) on loopback,
# the publishing peer of Byline's WordPress integration tests (tests/wordpress/).
#
#   wordpress-peer.sh start [PORT]    # PORT 0 (default): a free one; prints KEY=VALUE lines on stdout
#   wordpress-peer.sh stop            # stops what `start` started (recorded PIDs), removes the state dir
#   wordpress-peer.sh status          # exit 0 and print credentials if running, 1 otherwise
#
# WP_PEER_STATE_DIR (required for stop/status, and a new temporary folder for start when
# unset) holds everything: the MariaDB data and socket, the WordPress tree, logs, PIDs.
#
# What `start` does:
#   * checks that the Debian packages are there (wordpress, php-cli + extensions,
#     mariadb-server-core, mariadb-client, curl): build-aux/dev-packages.txt lists them and
#     build-aux/dev installs them in the development root; this script never installs anything;
#   * runs a private MariaDB (own datadir + unix socket under the state dir, --skip-networking);
#     no system MariaDB/MySQL service is used or touched.  As root (the development root is
#     entered as root) mariadbd is told --user=root explicitly, which it requires;
#   * builds a private WordPress tree in the state dir (core hard-linked from /usr/share/wordpress,
#     own wp-config.php; nothing is written to /etc/wordpress or /var/lib/wordpress) and serves it
#     with PHP's built-in web server on 127.0.0.1:PORT (router script => pretty permalinks,
#     /wp-json/... and ?rest_route=..., wp-admin works too);
#   * installs WordPress, creates users admin (administrator), editor (editor),
#     reporter (author), contributor (contributor), one Application Password each, and
#     categories "Chính trị - Xây dựng Đảng", "Kinh tế", "Xã hội", "Thể thao";
#   * prints KEY=VALUE lines on stdout (progress goes to stderr), the same as
#     $STATE_DIR/credentials.env (mode 0600): STATE_DIR, UPLOAD_MAX, POST_MAX, CATEGORY_IDS,
#     ID_<ROLE>, LOGIN_<ROLE>=login:login-password, BASE_URL=http://127.0.0.1:PORT and
#     USER_<ROLE>=login:application-password for ROLE in ADMINISTRATOR EDITOR AUTHOR CONTRIBUTOR.
#
# Environment knobs:
#   WP_PEER_STATE_DIR   state dir (default: a new ${TMPDIR:-/tmp}/wordpress-peer.XXXXXX)
#   WP_PEER_UPLOAD_MAX  PHP upload_max_filesize (default 64M; php-cli's own default is 2M)
#   WP_PEER_POST_MAX    PHP post_max_size (default = WP_PEER_UPLOAD_MAX)
#   WP_PEER_AUTH_ERRORS =1: report bad Application Passwords as 401 incorrect_password /
#                       invalid_username (as sites with common plugins do); by default stock 6.1
#                       treats them as anonymous (401 rest_not_logged_in / rest_cannot_create)
#   WP_PEER_WORKERS     PHP_CLI_SERVER_WORKERS, concurrent PHP requests (default 4)
#   WP_PEER_BYLINE_PLUGIN =0: without Byline's plugin (data/wordpress/byline-review.php, in
#                       wp-content/mu-plugins/ by default)
#
# Safety: WordPress can only reach 127.0.0.1/localhost (WP_HTTP_BLOCK_EXTERNAL), cron is off,
# mail is swallowed into $STATE_DIR/mail.log, pings/pingbacks are off.
#
# Adapted from a recipe kept beside the project (../shared/peers/wordpress-peer.sh).
set -euo pipefail

PROG=${0##*/}
CMD=${1:-}
PORT=${2:-0}
if ! [[ $PORT =~ ^[0-9]+$ ]] || (( PORT > 65535 )); then echo "$PROG: bad port '$PORT'" >&2; exit 2; fi
if [[ -z ${WP_PEER_STATE_DIR:-} ]]; then
  [[ $CMD == start ]] || { echo "$PROG: $CMD needs WP_PEER_STATE_DIR" >&2; exit 2; }
  WP_PEER_STATE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/wordpress-peer.XXXXXX")
  rmdir "$WP_PEER_STATE_DIR"
fi
STATE_DIR=${WP_PEER_STATE_DIR%/}
# the path is embedded in PHP strings and a unix socket path: keep it plain
[[ $STATE_DIR =~ ^/[A-Za-z0-9._/+-]+$ ]] || { echo "$PROG: state dir must be an absolute plain path: '$STATE_DIR'" >&2; exit 2; }
UPLOAD_MAX=${WP_PEER_UPLOAD_MAX:-64M}
POST_MAX=${WP_PEER_POST_MAX:-$UPLOAD_MAX}
AUTH_ERRORS=${WP_PEER_AUTH_ERRORS:-0}
WORKERS=${WP_PEER_WORKERS:-4}
if (( PORT == 0 )) && [[ $CMD == start ]]; then
  # A free port, asked of the kernel (the port is free again when php exits).
  PORT=$(php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); $n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1);')
elif (( PORT == 0 )) && [[ -f $STATE_DIR/credentials.env ]]; then
  PORT=$(sed -n 's|^BASE_URL=http://127.0.0.1:||p' "$STATE_DIR/credentials.env")
fi
BASE_URL="http://127.0.0.1:$PORT"
WP_SRC=/usr/share/wordpress
MARKER=.wordpress-peer
PACKAGES=(wordpress wordpress-theme-twentytwentythree php-cli php-mysql php-gd php-mbstring php-xml
          mariadb-server-core mariadb-client curl)

T0=$(date +%s%N)
log() { printf '[%s +%.2fs] %s\n' "$PROG" "$(( $(date +%s%N) - T0 ))e-9" "$*" >&2; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }

# ---------------------------------------------------------------- packages
# Never installs anything: the packages are in build-aux/dev-packages.txt, and
# build-aux/dev puts them in the development root.
ensure_packages() {
  local p missing=''
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=" $p"
  done
  [[ -z $missing ]] || die "missing Debian packages:$missing (they are in build-aux/dev-packages.txt: run through build-aux/dev)"
}

# ---------------------------------------------------------------- helpers
# (no `tr </dev/urandom | head`: with pipefail the SIGPIPE to tr kills the script with rc 141)
rand() {
  local n=${1:-32} s=''
  while (( ${#s} < n )); do s+=$(head -c 96 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9'); done
  printf '%s' "${s:0:n}"
}

# pid alive and its command line mentions our state dir (guards against PID reuse)
ours() {
  local pid=$1
  [[ -n $pid && -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' </proc/"$pid"/cmdline | grep -qF -- "$STATE_DIR"
}

# A process just started with `&`: until it has exec'd, its command line is
# still this script's, so `ours` alone would call it gone (under load the
# first check came first: "mariadbd exited" with an empty log).  Gone is
# no process, or a zombie.
gone() {
  local pid=$1 state
  ours "$pid" && return 1
  state=$(sed 's/.*) //' /proc/"$pid"/stat 2>/dev/null | cut -d' ' -f1)
  [[ -z $state || $state == Z ]]
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

is_running() {
  [[ -f $STATE_DIR/$MARKER && -f $STATE_DIR/php.pid && -f $STATE_DIR/mysqld.pid ]] || return 1
  ours "$(cat "$STATE_DIR/php.pid")" && ours "$(cat "$STATE_DIR/mysqld.pid")" || return 1
  curl -fsS -o /dev/null --max-time 5 "$BASE_URL/wp-json/" 2>/dev/null
}

print_credentials() { grep -E '^[A-Z_]+=' "$STATE_DIR/credentials.env"; }

stop_pid() { # stop_pid FILE [group]: TERM (the process group if asked), wait, then KILL
  local f=$STATE_DIR/$1 group=${2:-} pid i
  [[ -f $f ]] || return 0
  pid=$(cat "$f")
  if ours "$pid"; then
    if [[ -n $group ]]; then kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    else kill -TERM "$pid" 2>/dev/null || true; fi
    for ((i = 0; i < 100; i++)); do ours "$pid" || break; sleep 0.1; done
    if ours "$pid"; then
      log "pid $pid did not stop on TERM, sending KILL"
      if [[ -n $group ]]; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}

do_stop() {
  if [[ ! -e $STATE_DIR ]]; then log "nothing to stop ($STATE_DIR does not exist)"; return 0; fi
  [[ -f $STATE_DIR/$MARKER ]] || die "$STATE_DIR is not a wordpress-peer state dir (no $MARKER); refusing to touch it"
  stop_pid php.pid group
  stop_pid mysqld.pid
  rm -rf -- "$STATE_DIR"
  log "stopped; removed $STATE_DIR"
}

mysql_root() { mariadb --no-defaults --socket="$STATE_DIR/mysql.sock" -uroot "$@"; }

# ---------------------------------------------------------------- start
do_start() {
  if is_running; then
    log "already running at $BASE_URL (state $STATE_DIR)"
    print_credentials; return 0
  fi
  if [[ -e $STATE_DIR ]]; then
    log "stale state dir $STATE_DIR, cleaning it"
    do_stop
  fi
  port_busy "$PORT" && die "127.0.0.1:$PORT is already in use by another process"
  ensure_packages
  [[ -f $WP_SRC/wp-settings.php ]] || die "$WP_SRC/wp-settings.php missing"

  local t0; t0=$(date +%s%N)
  mkdir -p "$STATE_DIR"; chmod 700 "$STATE_DIR"; touch "$STATE_DIR/$MARKER"
  # on failure: stop whatever was started, keep the state dir (logs) until `stop`
  trap 'rc=$?; if (( rc != 0 )); then stop_pid php.pid group; stop_pid mysqld.pid;
        log "start failed (rc=$rc); logs kept in $STATE_DIR; clean with: WP_PEER_STATE_DIR=$STATE_DIR $PROG stop"; fi' EXIT

  # ---- MariaDB on a private socket, no TCP
  local me; me=$(id -un)
  local sock=$STATE_DIR/mysql.sock
  (( ${#sock} < 100 )) || die "socket path too long: $sock (set WP_PEER_STATE_DIR shorter)"
  log "initialising MariaDB datadir"
  # Its own temporary folder: the bootstrap's temporary tables in a shared /tmp
  # went missing once while other tests ran ("Could not remove temporary
  # table", then "Unknown table 'mysql.tmp_user_nopasswd…'").
  mkdir -p "$STATE_DIR/tmp"
  mariadb-install-db --no-defaults --datadir="$STATE_DIR/mysql" --user="$me" --tmpdir="$STATE_DIR/tmp" \
    --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
    >"$STATE_DIR/mysql-install.log" 2>&1 || { cat "$STATE_DIR/mysql-install.log" >&2; die "mariadb-install-db failed"; }
  log "starting mariadbd"
  setsid mariadbd --no-defaults --user="$me" --datadir="$STATE_DIR/mysql" --tmpdir="$STATE_DIR/tmp" --socket="$sock" \
    --pid-file="$STATE_DIR/mysql/mariadbd.pid" --log-error="$STATE_DIR/mysqld.log" \
    --skip-networking --skip-name-resolve --skip-log-bin \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=64M --innodb-log-file-size=16M --innodb-use-native-aio=0 \
    --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
    </dev/null >>"$STATE_DIR/mysqld.log" 2>&1 &
  echo $! >"$STATE_DIR/mysqld.pid"
  local i
  for ((i = 0; i < 300; i++)); do
    [[ -S $sock ]] && mysql_root -e 'SELECT 1' >/dev/null 2>&1 && break
    gone "$(cat "$STATE_DIR/mysqld.pid")" && { tail -20 "$STATE_DIR/mysqld.log" >&2; die "mariadbd exited"; }
    sleep 0.1
  done
  (( i < 300 )) || { tail -20 "$STATE_DIR/mysqld.log" >&2; die "mariadbd not ready after 30s"; }

  local dbpass; dbpass=$(rand 24)
  mysql_root -e "CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER 'wp'@'localhost' IDENTIFIED BY '$dbpass';
    GRANT ALL PRIVILEGES ON wordpress.* TO 'wp'@'localhost';"

  # ---- WordPress tree. Debian's own wp-config.php reads /etc/wordpress/config-<host>.php, so the
  # peer serves a private tree instead: core files hard-linked from /usr/share/wordpress (~70 ms;
  # a full copy is 0.5-1.5 s; plain copy where linking is impossible), wp-content really copied
  # (WordPress writes there), and our own wp-config.php. Never write into a linked file: rm first.
  log "preparing WordPress tree"
  local tree=hard-linked
  if ! cp -al "$WP_SRC" "$STATE_DIR/www" 2>/dev/null; then
    rm -rf "$STATE_DIR/www"; cp -a "$WP_SRC" "$STATE_DIR/www"; tree=copied
  fi
  if [[ $tree == hard-linked ]]; then
    rm -rf "$STATE_DIR/www/wp-content"; cp -a "$WP_SRC/wp-content" "$STATE_DIR/www/wp-content"
  fi
  rm -f "$STATE_DIR/www/wp-config.php" "$STATE_DIR/www/.htaccess"
  mkdir -p "$STATE_DIR/www/wp-content/uploads" "$STATE_DIR/www/wp-content/mu-plugins" "$STATE_DIR/tmp"
  local salts='' k
  for k in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
    salts+="define('$k', '$(rand 64)');"$'\n'
  done
  cat >"$STATE_DIR/www/wp-config.php" <<PHP
<?php
// Generated by wordpress-peer.sh — test peer only.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', '$dbpass');
define('DB_HOST', 'localhost:$sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$salts
\$table_prefix = 'wp_';
// Application Passwords need HTTPS unless the environment type is 'local'.
define('WP_ENVIRONMENT_TYPE', 'local');
// Never talk to anything but this host.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('DISALLOW_FILE_MODS', true);
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '$STATE_DIR/debug.log');
define('WP_TEMP_DIR', '$STATE_DIR/tmp/');
define('WP_PEER_STATE_DIR', '$STATE_DIR');
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP

  cat >"$STATE_DIR/www/wp-content/mu-plugins/wordpress-peer.php" <<'PHP'
<?php
/* Plugin Name: wordpress-peer test settings */
// Mail: never send, log instead (pluggable; mu-plugins load before pluggable.php).
if (!function_exists('wp_mail')) {
    function wp_mail($to, $subject, $message, $headers = '', $attachments = array()) {
        @file_put_contents(WP_PEER_STATE_DIR . '/mail.log',
            gmdate('c') . "\tto=" . (is_array($to) ? implode(',', $to) : $to) . "\tsubject=$subject\n", FILE_APPEND);
        return true;
    }
}
// While provisioning, no HTTP at all (wp_install probes permalinks over loopback).
if (defined('WP_PEER_PROVISIONING')) {
    add_filter('pre_http_request', function () { return new WP_Error('wp_peer_offline', 'HTTP disabled while provisioning'); }, 1);
}
add_filter('pre_option_ping_sites', '__return_empty_string');
// Keep clients that follow URLs in responses on loopback too: avatar_urls point to a local image
// (same JSON shape as gravatar), no emoji CDN, no update/version checks (blocked anyway).
add_filter('pre_get_avatar_data', function ($args) {
    $args['url'] = includes_url('images/w-logo-blue.png');
    return $args;
});
remove_action('wp_head', 'print_emoji_detection_script', 7);
remove_action('embed_head', 'print_emoji_detection_script');
remove_action('wp_print_styles', 'print_emoji_styles');
add_action('admin_init', function () { // admin-filters.php is loaded after mu-plugins
    remove_action('admin_print_scripts', 'print_emoji_detection_script');
    remove_action('admin_print_styles', 'print_emoji_styles');
});
add_filter('emoji_svg_url', '__return_false');
add_filter('wp_resource_hints', function ($urls, $type) { return $type === 'dns-prefetch' ? array() : $urls; }, 10, 2);
foreach (array('wp_version_check', 'wp_update_plugins', 'wp_update_themes') as $f) remove_action($f, $f);
remove_action('admin_init', '_maybe_update_core');
remove_action('admin_init', '_maybe_update_plugins');
remove_action('admin_init', '_maybe_update_themes');
remove_action('init', 'wp_schedule_update_checks');
PHP
  # Byline's own plugin (the editor's note, returned stories), as a site installs it;
  # WP_PEER_BYLINE_PLUGIN=0 leaves it out, like a site without it.
  if [[ ${WP_PEER_BYLINE_PLUGIN:-1} != 0 ]]; then
    cp "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../../data/wordpress/byline-review.php" \
       "$STATE_DIR/www/wp-content/mu-plugins/byline-review.php"
  fi
  if [[ $AUTH_ERRORS == 1 ]]; then
    cat >"$STATE_DIR/www/wp-content/mu-plugins/wordpress-peer-auth-errors.php" <<'PHP'
<?php
/* Plugin Name: wordpress-peer: surface Application Password errors */
// Stock WP 6.1 resolves the REST user only after rest_application_password_check_errors (prio 90)
// has run, so a bad app password silently becomes "anonymous". Resolving it earlier (as many
// plugins incidentally do) makes WordPress answer 401 incorrect_password / invalid_username.
add_filter('rest_authentication_errors', function ($r) { wp_get_current_user(); return $r; }, 1);
PHP
  fi

  cat >"$STATE_DIR/router.php" <<'PHP'
<?php
// Router for PHP's built-in web server (like wp-cli's `wp server`): existing files are served or
// executed, everything else goes to WordPress' index.php (pretty permalinks, /wp-json/...).
$root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$path = '/' . ltrim(rawurldecode((string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH)), '/');
if (strpos($path, '..') !== false) { http_response_code(400); exit; }
$target = null;
if ($path !== '/' && is_file($root . $path)) {
    if (substr($path, -4) !== '.php') return false;          // static file
    $target = $path;
} elseif ($path !== '/' && is_dir($root . $path)) {
    if (substr($path, -1) !== '/') {                         // /wp-admin -> /wp-admin/
        $qs = isset($_SERVER['QUERY_STRING']) && $_SERVER['QUERY_STRING'] !== '' ? '?' . $_SERVER['QUERY_STRING'] : '';
        header('Location: ' . $path . '/' . $qs, true, 301); exit;
    }
    if (is_file($root . $path . 'index.php')) $target = $path . 'index.php';
    else return false;
}
if ($target === null) $target = '/index.php';
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = $target;
$_SERVER['SCRIPT_FILENAME'] = $root . $target;
unset($_SERVER['PATH_INFO'], $_SERVER['ORIG_PATH_INFO']);
chdir(dirname($root . $target));
require $root . $target;
PHP

  cat >"$STATE_DIR/provision.php" <<'PHP'
<?php
// Run once by wordpress-peer.sh with php-cli: install WordPress, users, app passwords, categories.
[$_, $docroot, $base, $state] = $argv;
$u = parse_url($base);
$_SERVER['HTTP_HOST'] = $u['host'] . ':' . $u['port'];
$_SERVER['SERVER_NAME'] = $u['host'];
$_SERVER['SERVER_PORT'] = $u['port'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/wp-admin/install.php';
define('WP_INSTALLING', true);
define('WP_PEER_PROVISIONING', true);
require $docroot . '/wp-load.php';
require ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

$pw = fn() => wp_generate_password(20, false);
$admin_pw = $pw();
$r = wp_install('Newsroom Peer (test)', 'admin', 'admin@example.invalid', false, '', $admin_pw, '');
update_option('siteurl', $base);
update_option('home', $base);
update_option('blogdescription', 'WordPress peer for integration tests');
update_option('default_pingback_flag', 0);
update_option('default_ping_status', 'closed');
update_option('default_comment_status', 'closed');
update_option('ping_sites', '');
update_option('timezone_string', 'Asia/Ho_Chi_Minh');
update_option('blog_public', 0);
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%postname%/');
flush_rewrite_rules(false);

$users = [
    'ADMINISTRATOR' => ['admin', 'administrator', 'Quản trị viên', $admin_pw],
    'EDITOR'        => ['editor', 'editor', 'Biên tập viên', $pw()],
    'AUTHOR'        => ['reporter', 'author', 'Phóng viên Nguyễn Văn A', $pw()],
    'CONTRIBUTOR'   => ['contributor', 'contributor', 'Cộng tác viên', $pw()],
];
$out = [];
foreach ($users as $role_key => [$login, $role, $display, $login_pw]) {
    $id = username_exists($login);
    if (!$id) {
        $id = wp_insert_user(['user_login' => $login, 'user_pass' => $login_pw, 'role' => $role,
            'user_email' => "$login@example.invalid", 'display_name' => $display]);
        if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
    } else {
        wp_update_user(['ID' => $id, 'display_name' => $display]);
    }
    [$app_pw] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'integration-tests']);
    if (is_wp_error($app_pw)) { fwrite(STDERR, $app_pw->get_error_message() . "\n"); exit(1); }
    $out[] = "USER_{$role_key}={$login}:{$app_pw}";
    $out[] = "ID_{$role_key}={$id}";
    $out[] = "LOGIN_{$role_key}={$login}:{$login_pw}";
}
$cats = [];
foreach (['Chính trị - Xây dựng Đảng', 'Kinh tế', 'Xã hội', 'Thể thao'] as $name) {
    $t = term_exists($name, 'category') ?: wp_insert_term($name, 'category');
    if (is_wp_error($t)) { fwrite(STDERR, $t->get_error_message() . "\n"); exit(1); }
    $cats[] = (int) $t['term_id'];
}
echo 'CATEGORY_IDS=' . implode(',', $cats) . "\n";
echo implode("\n", $out) . "\n";
PHP

  local php_ini=(-d display_errors=0 -d log_errors=1 -d "error_log=$STATE_DIR/php-errors.log"
    -d "upload_max_filesize=$UPLOAD_MAX" -d "post_max_size=$POST_MAX" -d memory_limit=512M
    -d max_execution_time=120 -d opcache.enable_cli=1 -d "upload_tmp_dir=$STATE_DIR/tmp"
    -d "sys_temp_dir=$STATE_DIR/tmp" -d date.timezone=UTC)

  log "installing WordPress (database tables, users, application passwords, categories)"
  php "${php_ini[@]}" "$STATE_DIR/provision.php" "$STATE_DIR/www" "$BASE_URL" "$STATE_DIR" \
    >"$STATE_DIR/provision.out" 2>"$STATE_DIR/provision.err" ||
    { cat "$STATE_DIR/provision.err" "$STATE_DIR/provision.out" >&2; die "WordPress provisioning failed"; }

  log "starting PHP built-in web server on $BASE_URL ($WORKERS workers)"
  PHP_CLI_SERVER_WORKERS=$WORKERS setsid php "${php_ini[@]}" -S "127.0.0.1:$PORT" -t "$STATE_DIR/www" \
    "$STATE_DIR/router.php" </dev/null >>"$STATE_DIR/php-server.log" 2>&1 &
  echo $! >"$STATE_DIR/php.pid"
  for ((i = 0; i < 200; i++)); do
    curl -fsS -o /dev/null --max-time 5 "$BASE_URL/wp-json/" 2>/dev/null && break
    gone "$(cat "$STATE_DIR/php.pid")" && { tail -20 "$STATE_DIR/php-server.log" >&2; die "php -S exited"; }
    sleep 0.05
  done
  (( i < 200 )) || die "REST API not answering at $BASE_URL/wp-json/"

  {
    echo "# wordpress-peer credentials (written $(date -u +%FT%TZ)); source this file"
    echo "STATE_DIR=$STATE_DIR"
    echo "UPLOAD_MAX=$UPLOAD_MAX"
    echo "POST_MAX=$POST_MAX"
    grep -E '^(CATEGORY_IDS|ID_[A-Z]+|LOGIN_[A-Z]+)=' "$STATE_DIR/provision.out"
    echo "BASE_URL=$BASE_URL"
    grep -E '^USER_[A-Z]+=' "$STATE_DIR/provision.out"
  } >"$STATE_DIR/credentials.env"
  chmod 600 "$STATE_DIR/credentials.env"
  log "ready: $BASE_URL in $(( ($(date +%s%N) - t0) / 1000000 )) ms after packages were present; state in $STATE_DIR"
  print_credentials
}

case $CMD in
  start) do_start ;;
  stop) do_stop ;;
  status) if is_running; then print_credentials; else echo "not running ($STATE_DIR)" >&2; exit 1; fi ;;
  *) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit 2 ;;
esac
