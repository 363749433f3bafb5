#!/bin/sh
# The backup check as teams write it today: one aws CLI call after another. The same calls drconsole's
# `check --type backup` makes for the environment of bench/check_vs_cli.py, so the two can be timed
# against each other. usage: dr_test_backup.sh PRIMARY DR STATE_BUCKET LOCK_TABLE "TABLES" "BUCKETS"
set -u
primary=$1 dr=$2 state_bucket=$3 lock_table=$4 tables=$5 buckets=$6
fail=0
aws sts get-caller-identity --query Account --output text >/dev/null || fail=1
status=$(aws s3api get-bucket-versioning --bucket "$state_bucket" --query Status --output text) || fail=1
[ "$status" = "Enabled" ] || fail=1
aws s3api get-bucket-replication --bucket "$state_bucket" >/dev/null 2>&1  # none configured is not a failure
aws dynamodb describe-table --table-name "$lock_table" --region "$primary" --query Table.TableStatus --output text >/dev/null || fail=1
aws dynamodb describe-continuous-backups --table-name "$lock_table" --region "$primary" >/dev/null || fail=1
for region in "$primary" "$dr"; do
  aws rds describe-db-instances --region "$region" >/dev/null || fail=1
  aws rds describe-db-instance-automated-backups --region "$region" >/dev/null || fail=1
  aws rds describe-db-snapshots --region "$region" >/dev/null || fail=1
  aws rds describe-db-clusters --region "$region" >/dev/null || fail=1
  aws rds describe-db-cluster-snapshots --region "$region" >/dev/null || fail=1
  aws ec2 describe-snapshots --owner-ids self --region "$region" >/dev/null || fail=1
  aws ec2 describe-images --owners self --region "$region" >/dev/null || fail=1
  aws backup list-backup-vaults --region "$region" >/dev/null || fail=1
  aws dynamodb list-backups --region "$region" >/dev/null || fail=1
done
for t in $tables; do
  aws dynamodb describe-table --table-name "$t" --region "$primary" >/dev/null || fail=1
  aws dynamodb describe-continuous-backups --table-name "$t" --region "$primary" >/dev/null || fail=1
done
for b in $buckets; do
  aws s3api get-bucket-versioning --bucket "$b" >/dev/null || fail=1
  aws s3api get-bucket-replication --bucket "$b" >/dev/null 2>&1  # none configured is not a failure
done
exit $fail
