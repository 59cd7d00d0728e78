#!/usr/bin/env bash
# Test PKI for the secure sandbox: one CA and one server certificate (SAN IP:127.0.0.1, DNS:localhost)
# signed by it, plus a PKCS12 keystore for the Kafka broker. Usage: certs.sh <dir> <keystore-password>
# Idempotent: an existing, still valid set is kept, so clients that saved ca.pem keep trusting it.
set -euo pipefail
dir=$1 pass=$2
mkdir -p "$dir"
cd "$dir"
umask 077

if [ -f server.p12 ] && openssl x509 -checkend 86400 -noout -in server.pem >/dev/null 2>&1; then exit 0; fi
command -v openssl >/dev/null || { echo "stack: openssl is required for the secure sandbox (Debian: apt-get install openssl)" >&2; exit 1; }

openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -keyout ca.key -out ca.pem \
  -subj "/CN=Kafka-Milvus Studio sandbox CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -sha256 -keyout server.key -out server.csr -subj "/CN=localhost" 2>/dev/null
cat >server.ext <<EXT
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=IP:127.0.0.1,DNS:localhost
EXT
openssl x509 -req -sha256 -days 825 -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial \
  -extfile server.ext -out server.pem 2>/dev/null
# The chain (server + CA) so nginx and the broker both present the full path.
cat server.pem ca.pem >server-chain.pem
openssl pkcs12 -export -name kafka -in server.pem -inkey server.key -certfile ca.pem \
  -out server.p12 -passout "pass:$pass"
# Readable by clients (tests, the UI's file picker): the CA certificate is public.
chmod 644 ca.pem
rm -f server.csr
