"""TLS is verified: a server whose certificate this computer does not trust gets nothing (a local https
server with a self-signed certificate made by openssl for the test)."""

from __future__ import annotations

import http.server
import shutil
import ssl
import subprocess
import threading
from pathlib import Path

import pytest

from hipdesk.exchange.fhir_client import SendFailed, ServerConfig, post_bundle


@pytest.fixture
def untrusted_https(tmp_path: Path):
    """An https server on 127.0.0.1 with a self-signed certificate; yields (base URL, bodies it received)."""
    openssl = shutil.which("openssl")
    assert openssl, "openssl is installed by scripts/system-deps.sh"
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    received: list[bytes] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            received.append(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'{"resourceType": "Bundle", "type": "transaction-response", "entry": []}')

        def log_message(self, *_args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://localhost:{server.server_address[1]}/fhir", received
    server.shutdown()
    server.server_close()


def test_a_server_with_an_untrusted_certificate_receives_nothing(untrusted_https):
    base_url, received = untrusted_https
    with pytest.raises(SendFailed) as failure:
        post_bundle(ServerConfig(base_url, "token"), {"resourceType": "Bundle", "type": "transaction", "entry": []})
    assert "certificate verify failed" in failure.value.reason
    assert failure.value.temporary  # the session waits; the clinic fixes the certificate
    assert received == []  # not one byte of the session reached it
