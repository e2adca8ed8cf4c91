#!/bin/bash
# Runs once, when the data directory is first initialised: one role and one database per
# service, with the passwords from the services' database Secrets.
set -euo pipefail
for db in supporter protocol hashmatch report; do
  var="${db^^}_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE $db LOGIN PASSWORD '${!var}';
CREATE DATABASE $db OWNER $db;
SQL
done
