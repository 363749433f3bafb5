"""drconsole inventory and check against moto_server seeded with an account in two regions.

Usage: check_dr.py DRCONSOLE. Exits 77 (skipped) when moto_server or botocore is missing."""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "aws", "parity"))
sys.path.insert(0, HERE)

try:
    import botocore.session
except ImportError:
    print("botocore is not installed: skipped")
    sys.exit(77)

from moto_server import MotoServer  # noqa: E402
from region_proxy import RegionProxy  # noqa: E402

PRIMARY, DR = "us-east-1", "us-west-2"
PAGED = 130

RUNBOOK = """---
service: payments
environments:
  prod:
    rto: 30m
    rpo: 5m
    region: us-east-1
    dr_region: us-west-2
    resources:
      rds_instances: [prod-postgres]
      dynamodb_tables: [orders]
      s3_buckets: [payments-media-prod]
      state_bucket: payments-terraform-state
      lock_table: terraform-state-lock
  breach:
    rpo: 5m
    region: us-east-1
    dr_region: us-west-2
    resources:
      rds_instances: [prod-postgres, ledger]
  unversioned:
    rpo: 5m
    region: us-east-1
    resources:
      rds_instances: [prod-postgres]
      state_bucket: scratch-state
  staging:
    rto: 1h
    rpo: 1h
    region: us-east-1
    resources:
      rds_instances: [ledger-nightly-db]
      dynamodb_tables: [orders]
---
# Payments DR

## Scenario 1: Database failure (20-25 minutes)

1. Promote the replica (10 minutes)
   ```
   aws rds promote-read-replica --db-instance-identifier prod-postgres-usw2
   ```
"""

failures = []


def expect(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


class World:
    def __init__(self, url):
        self.session = botocore.session.get_session()
        self.url = url

    def client(self, service, region=PRIMARY):
        return self.session.create_client(service, region_name=region, endpoint_url=self.url,
                                          aws_access_key_id="testing", aws_secret_access_key="testing")

    def seed(self):
        rds = self.client("rds")
        db = dict(DBInstanceClass="db.t3.micro", Engine="postgres", MasterUsername="u", MasterUserPassword="p12345678")
        rds.create_db_instance(DBInstanceIdentifier="prod-postgres", BackupRetentionPeriod=7, **db)
        rds.create_db_instance(DBInstanceIdentifier="ledger", BackupRetentionPeriod=0, **db)
        rds.create_db_instance(DBInstanceIdentifier="ledger-nightly-db", BackupRetentionPeriod=0, **db)
        rds.create_db_snapshot(DBInstanceIdentifier="ledger-nightly-db", DBSnapshotIdentifier="ledger-nightly")
        rds.create_db_snapshot(DBInstanceIdentifier="prod-postgres", DBSnapshotIdentifier="prod-manual")
        # Many snapshots of one database (moto answers them in one page; the page-following itself is
        # tested against the models in tests/unit/inventory_paging_test.cpp).
        for i in range(PAGED):
            rds.create_db_snapshot(DBInstanceIdentifier="prod-postgres", DBSnapshotIdentifier=f"old-{i:03d}")
        self.client("rds", DR).copy_db_snapshot(
            SourceDBSnapshotIdentifier=f"arn:aws:rds:{PRIMARY}:123456789012:snapshot:prod-manual",
            TargetDBSnapshotIdentifier="prod-manual-dr", SourceRegion=PRIMARY)
        ddb = self.client("dynamodb")
        for name, key in (("orders", "id"), ("terraform-state-lock", "LockID")):
            ddb.create_table(TableName=name, AttributeDefinitions=[{"AttributeName": key, "AttributeType": "S"}],
                             KeySchema=[{"AttributeName": key, "KeyType": "HASH"}], BillingMode="PAY_PER_REQUEST")
        ddb.update_continuous_backups(TableName="orders",
                                      PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
        s3 = self.client("s3")
        for bucket, status in (("payments-terraform-state", "Enabled"), ("payments-media-prod", "Enabled"),
                               ("scratch-state", "Suspended")):
            s3.create_bucket(Bucket=bucket)
            s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": status})

    def snapshots(self, prefix):
        out = self.client("rds").describe_db_snapshots()["DBSnapshots"]
        return [s for s in out if s["DBSnapshotIdentifier"].startswith(prefix)]

    def instances(self, prefix):
        return [i for i in self.client("rds").describe_db_instances()["DBInstances"]
                if i["DBInstanceIdentifier"].startswith(prefix)]


def main():
    drconsole = sys.argv[1]
    with MotoServer() as moto, tempfile.TemporaryDirectory() as tmp:
        world = World(moto.url)
        world.seed()
        proxy = RegionProxy(moto.port)
        runbook = os.path.join(tmp, "payments.md")
        with open(runbook, "w") as f:
            f.write(RUNBOOK)
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_ENDPOINT_URL=proxy.url,
                   AWS_CONFIG_FILE=os.path.join(tmp, "no-config"), AWS_SHARED_CREDENTIALS_FILE=os.path.join(tmp, "no-creds"),
                   XDG_STATE_HOME=os.path.join(tmp, "state"), XDG_CONFIG_HOME=os.path.join(tmp, "config"), NO_COLOR="1")

        def run(*args, stdin=subprocess.DEVNULL):
            started = time.monotonic()
            p = subprocess.run([drconsole, *args], env=env, capture_output=True, text=True, timeout=120, stdin=stdin)
            return p, time.monotonic() - started

        def check(*args):
            p, took = run("check", runbook, *args, "--json")
            try:
                report = json.loads(p.stdout)
            except json.JSONDecodeError:
                report = None
                failures.append(f"check {args}: no JSON on stdout (exit {p.returncode}): {p.stderr[:500]}")
            return p, report, took

        def named(report, name, resource=""):
            for c in (report or {}).get("checks", []):
                if c["name"] == name and (not resource or c["resource"] == resource):
                    return c
            failures.append(f"no check {name!r} {resource!r}")
            return {"status": None, "detail": ""}

        # A healthy environment passes: nothing fails (a missing DR copy is only a warning).
        p, r, _ = check("--env", "prod", "--type", "backup")
        expect(p.returncode == 0, f"healthy backup check exits 0, got {p.returncode}: {p.stdout[-1500:]}")
        if r:
            expect(r["env"] == "prod" and r["type"] == "backup", "report names env and type")
            expect(r["summary"]["fail"] == 0, f"healthy: no failures {r['summary']}")
            expect(set(r["summary"]) == {"pass", "warn", "fail", "skip"}, "summary keys")
            expect(all(set(c) >= {"name", "status", "detail", "resource", "duration_ms"} for c in r["checks"]), "check keys")
            expect(named(r, "AWS connectivity")["detail"] == "signed in to account 123456789012", "sts identity")
            expect(named(r, "state bucket versioned")["status"] == "PASS", "state bucket versioned passes")
            expect(named(r, "lock table reachable")["status"] == "PASS", "lock table passes")
            expect(named(r, "restorable within RPO", "RDS instance prod-postgres")["status"] == "PASS", "prod-postgres within RPO")
            dr = named(r, "copy in DR region", "RDS instance prod-postgres")
            expect(dr["status"] == "PASS" and "prod-manual-dr" in dr["detail"], f"the DR copy is found: {dr}")
        saved = os.listdir(os.path.join(tmp, "state", "drconsole", "checks"))
        expect(len(saved) == 1 and saved[0].endswith("-prod-backup"), f"the run is saved: {saved}")
        if saved:
            folder = os.path.join(tmp, "state", "drconsole", "checks", saved[0])
            expect(sorted(os.listdir(folder)) == ["report.json", "report.txt"], "json and text saved")

        # A database with no restorable point within the RPO fails.
        p, r, _ = check("--env", "breach")
        expect(p.returncode == 1, f"breach exits 1, got {p.returncode}")
        c = named(r, "restorable within RPO", "RDS instance ledger")
        expect(c["status"] == "FAIL" and "retention is 0" in c["detail"], f"ledger fails: {c}")
        expect(named(r, "restorable within RPO", "RDS instance prod-postgres")["status"] == "PASS", "prod-postgres still passes")

        # Versioning off on the state bucket fails.
        p, r, _ = check("--env", "unversioned")
        expect(p.returncode == 1, f"unversioned exits 1, got {p.returncode}")
        c = named(r, "state bucket versioned")
        expect(c["status"] == "FAIL" and "Suspended" in c["detail"], f"versioning off fails: {c}")

        # A black-holed DR region is unreachable within its timeout; the primary's checks complete.
        proxy.blackholed.add(DR)
        p, r, took = check("--env", "prod", "--timeout", "2")
        proxy.blackholed.clear()
        expect(took < 10, f"a black-holed region costs its timeout, not more: {took:.1f}s")
        expect(proxy.held > 0, "the proxy held requests for the DR region")
        dr = named(r, "region answers", DR)
        expect(dr["status"] == "FAIL" and "unreachable" in dr["detail"], f"DR region unreachable: {dr}")
        expect(named(r, "region answers", PRIMARY)["status"] == "PASS", "primary region answers")
        expect(named(r, "restorable within RPO", "RDS instance prod-postgres")["status"] == "PASS", "primary checks complete")
        expect(p.returncode == 1, "an unreachable region fails the run")

        # Ctrl-C while a region is silent: the run says so, finishes, and still reports (it is not killed).
        proxy.blackholed.add(DR)
        proc = subprocess.Popen([drconsole, "check", runbook, "--env", "prod", "--timeout", "3", "--json"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1.0)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        proxy.blackholed.clear()
        expect("interrupted: finishing up" in err, f"the interrupt is acknowledged: {err[-300:]}")
        expect(proc.returncode == 1 and '"summary"' in out, f"the run still reports: exit {proc.returncode}")

        # The snapshot check refuses production without confirmation, and creates the snapshot with it.
        p, r, _ = check("--env", "prod", "--type", "snapshot")
        c = named(r, "manual snapshot", "RDS instance prod-postgres")
        expect(p.returncode == 1 and c["status"] == "FAIL" and "refused" in c["detail"], f"refused without --confirm: {c}")
        expect(world.snapshots("drc-check-") == [], "nothing was created without confirmation")
        expect((r or {}).get("writes") == [], "no writes recorded")
        p, r, _ = check("--env", "prod", "--type", "snapshot", "--confirm", "staging")
        expect(p.returncode == 1 and world.snapshots("drc-check-") == [], "a wrong --confirm is refused")
        p, r, _ = check("--env", "prod", "--type", "snapshot", "--confirm", "prod", "--poll", "0.2")
        c = named(r, "manual snapshot", "RDS instance prod-postgres")
        expect(p.returncode == 0 and c["status"] == "PASS", f"snapshot with --confirm passes: {c} {p.stderr[-500:]}")
        expect("available after" in c["detail"] and c["detail"].endswith("; deleted"), f"seen available, then deleted: {c}")
        expect(world.snapshots("drc-check-") == [], "a check snapshot does not stay to fill the quota")
        writes = (r or {}).get("writes", [])
        expect(any("CreateDBSnapshot" in w for w in writes) and any("DeleteDBSnapshot" in w for w in writes), f"writes: {writes}")
        expect("drconsole: write: rds CreateDBSnapshot" in p.stderr, "the write is logged")
        p, r, _ = check("--env", "prod", "--type", "snapshot", "--confirm", "prod", "--poll", "0.2", "--keep-snapshots")
        made = world.snapshots("drc-check-prod-postgres-")
        expect(p.returncode == 0 and len(made) == 1 and made[0]["Status"] == "available", f"--keep-snapshots keeps it: {made}")

        # The full check's dry run names the right recovery points and writes nothing.
        p, r, _ = check("--env", "staging", "--type", "full")
        plan = named(r, "restore plan", "RDS instance ledger-nightly-db")
        expect("would use snapshot ledger-nightly " in plan["detail"], f"retention-0 db restores from its snapshot: {plan}")
        plan = named(r, "restore plan", "DynamoDB table orders")
        expect("point-in-time restore" in plan["detail"] and "20m-25m" in plan["detail"], f"PITR for orders: {plan}")
        expect((r or {}).get("writes") == [], "a dry run writes nothing")

        # --execute restores temporary copies in non-production, times them, and deletes them.
        p, r, _ = check("--env", "staging", "--type", "full", "--execute", "--poll", "0.2")
        reh = named(r, "restore rehearsal", "RDS instance ledger-nightly-db")
        expect(reh["status"] == "PASS" and "deleted" in reh["detail"], f"rehearsal passes: {reh}")
        reh = named(r, "restore rehearsal", "DynamoDB table orders")
        expect(reh["status"] == "PASS", f"table rehearsal passes: {reh}")
        expect(world.instances("drc-restore-") == [], "no temporary copy is left behind")
        tables = world.client("dynamodb").list_tables()["TableNames"]
        expect(not [t for t in tables if t.startswith("drc-restore-")], f"no temporary table left: {tables}")
        p, _ = run("check", runbook, "--env", "prod", "--type", "full", "--execute")
        expect(p.returncode == 2 and "non-production" in p.stderr, f"--execute refused in prod: {p.returncode} {p.stderr}")

        # The inventory without the TUI.
        p, _ = run("inventory", runbook, "--env", "breach", "--json")
        expect(p.returncode == 0, f"inventory exits 0: {p.stderr}")
        inv = json.loads(p.stdout) if p.returncode == 0 else {}
        post = {x["name"]: x for x in inv.get("posture", [])}
        expect(post.get("ledger", {}).get("status") == "breach", f"ledger breach in inventory: {post.get('ledger')}")
        expect(post.get("prod-postgres", {}).get("status") == "ok", "prod-postgres ok in inventory")
        expect(post.get("prod-postgres", {}).get("dr_copy") is True, "prod-postgres has a DR copy")
        p, _ = run("inventory", runbook, "--env", "breach")
        expect("BREACH   RDS instance ledger" in p.stdout, f"text inventory shows the breach: {p.stdout[:800]}")

        # Every one of a long listing is found.
        p, _ = run("inventory", runbook, "--env", "breach", "--json")
        inv = json.loads(p.stdout) if p.stdout.startswith("{") else {}
        olds = [pt["id"] for r in inv.get("resources", []) for pt in r["points"] if pt["id"].startswith("old-")]
        expect(len(olds) == PAGED and len(set(olds)) == PAGED, f"all {PAGED} snapshots: {len(olds)}")

        # Usage errors.
        p, _ = run("check", runbook, "--env", "nope")
        expect(p.returncode == 2 and "no environment 'nope'" in p.stderr, f"unknown env: {p.returncode} {p.stderr}")
        p, _ = run("check", runbook, "--env", "prod", "--type", "everything")
        expect(p.returncode == 2, "bad --type is a usage error")
        proxy.stop()
    if failures:
        print(f"{len(failures)} failures")
        return 1
    print("all inventory and check cases passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
