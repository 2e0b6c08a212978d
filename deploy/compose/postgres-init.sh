#!/bin/sh
# First start of compose.yaml's PostgreSQL: the app's role and database, and Keycloak's (same password, own database).
set -eu
psql -v ON_ERROR_STOP=1 -U postgres <<SQL
create role hocso login password '${HOCSO_DB_PASSWORD}';
create database hocso owner hocso encoding 'UTF8' template template0;
create role keycloak login password '${HOCSO_DB_PASSWORD}';
create database keycloak owner keycloak encoding 'UTF8' template template0;
SQL
