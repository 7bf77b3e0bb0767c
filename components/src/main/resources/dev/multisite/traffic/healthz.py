"""The deep health app: /healthz answers 200 only when this site can really serve.

It checks what the site's traffic depends on: every URL in CHECK_URLS must answer 2xx, and when
the data tier is configured (DB_READ_HOST set from the multisite-data ConfigMap) the local read
replica must accept TCP connections. Every answer names the site in the X-Multisite-Site header
and the body, so probes and drills can tell which site answered.
"""
import http.server
import os
import socket
import urllib.request

SITE = os.environ["SITE"]
CHECK_URLS = [u for u in os.environ.get("CHECK_URLS", "").split(",") if u]
DB_HOST = os.environ.get("DB_READ_HOST", "")
DB_PORT = int(os.environ.get("DB_PORT", "5432"))


def failures():
    problems = []
    for url in CHECK_URLS:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status // 100 != 2:
                    problems.append(f"{url} answered {response.status}")
        except Exception as error:  # any failure to reach a dependency makes the site unhealthy
            problems.append(f"{url}: {error}")
    if DB_HOST:
        try:
            socket.create_connection((DB_HOST, DB_PORT), timeout=2).close()
        except OSError as error:
            problems.append(f"database {DB_HOST}:{DB_PORT}: {error}")
    return problems


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        problems = failures() if self.path.startswith("/healthz") else []
        status = 503 if problems else 200
        body = (f"failing {SITE}: " + "; ".join(problems) if problems else f"ok {SITE}") + "\n"
        self.send_response(status)
        self.send_header("X-Multisite-Site", SITE)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("", 8080), Handler).serve_forever()
