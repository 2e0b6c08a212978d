#!/bin/sh
# compose.yaml: the app's private bucket and a user whose policy reaches only that bucket (deploy/README.md, MinIO).
set -eu
mc alias set local http://minio:9000 minio-root "$MINIO_ROOT_PASSWORD"
mc mb --ignore-existing local/hocso
cat >/tmp/hocso-app.json <<'JSON'
{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": ["s3:*"], "Resource": ["arn:aws:s3:::hocso", "arn:aws:s3:::hocso/*"]}]}
JSON
mc admin policy create local hocso-app /tmp/hocso-app.json || true
mc admin user add local hocso-app "$HOCSO_S3_SECRET_KEY"
mc admin policy attach local hocso-app --user hocso-app || true
