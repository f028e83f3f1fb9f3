"""Shared by the benchmark scripts that prepare a database: SQL through the database's own command-line client,
and users with live sessions written straight into the database (token hashed as the server stores it), so no
password hashing or TOTP is measured or needed. bench_db.connect(URL) before use."""
import datetime, hashlib, secrets, subprocess

database = None
now = datetime.datetime.now(datetime.timezone.utc)
iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
today = (now + datetime.timedelta(hours=9)).date()
fiscal_year = today.year if today.month >= 4 else today.year - 1


def connect(url):
    global database
    database = url


def sql(statements):
    """Runs SQL with the database's own command-line client; returns the rows as lists of text."""
    if database.startswith("sqlite:"):
        command = ["sqlite3", "-batch", "-separator", "\t", database[len("sqlite:"):]]
        statements = ".timeout 5000\n" + statements
    else:
        command = ["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", database]
    out = subprocess.run(command, input=statements, text=True, capture_output=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def session_for(user_id):
    token = "bench" + secrets.token_urlsafe(32)
    stored = hashlib.sha256(token.encode()).hexdigest()
    csrf = hashlib.sha256(f"csrf:{token}".encode()).hexdigest()
    statement = (f"INSERT INTO sessions (token_hash, user_id, mfa_pending, created_at, last_seen_at, expires_at) "
                 f"VALUES ('{stored}', {user_id}, 0, '{iso(now)}', '{iso(now)}', "
                 f"'{iso(now + datetime.timedelta(hours=12))}');\n")
    return token, csrf, statement


def add_user(org_id, login, role, enrolled=False):
    """A user with a live session. `enrolled`: two-factor marked as enrolled (a placeholder secret no code can
    match), for roles that require it (inspector, administrator, analyst); the session counts as verified."""
    stamp = iso(now)
    totp = "'BENCHNOCODE', 1" if enrolled else "NULL, NULL"
    rows = sql(f"INSERT INTO users (organisation_id, login, display_name, password_hash, created_at, updated_at, "
               f"password_changed_at, totp_secret, totp_last_step) VALUES ({org_id}, '{login}', '{login}', "
               f"'no password: bench session only', '{stamp}', '{stamp}', '{stamp}', {totp});\n"
               f"SELECT id FROM users WHERE login = '{login}';\n")
    user_id = int(rows[-1][0])
    token, csrf, statement = session_for(user_id)
    sql(f"INSERT INTO user_roles (user_id, role) VALUES ({user_id}, '{role}');\n" + statement)
    return token, csrf
