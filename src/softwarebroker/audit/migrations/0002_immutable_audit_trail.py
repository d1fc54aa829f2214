from django.db import migrations

# Audit entries can never be changed or deleted, whatever path the change comes from
# (API, admin, shell, a bug). TRUNCATE (used by test teardown) is not a row operation.
FORBID = """
CREATE FUNCTION audit_audittrail_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit trail entries cannot be changed or deleted';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_audittrail_immutable
    BEFORE UPDATE OR DELETE ON audit_audittrail
    FOR EACH ROW EXECUTE FUNCTION audit_audittrail_is_immutable();
"""

ALLOW = """
DROP TRIGGER audit_audittrail_immutable ON audit_audittrail;
DROP FUNCTION audit_audittrail_is_immutable();
"""


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunSQL(FORBID, ALLOW)]
