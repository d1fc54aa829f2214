from django.db import migrations

# The task queue's jobs per task and status: the overdue notifications (todo, doing or failed,
# asked for by every readiness probe) and the earlier runs of the frequent maintenance tasks
# are found without reading the whole job table, which keeps every job that succeeded.
CREATE = """
CREATE INDEX core_procrastinate_jobs_task_status_id
    ON procrastinate_jobs (task_name, status, id);
"""

DROP = "DROP INDEX core_procrastinate_jobs_task_status_id;"


class Migration(migrations.Migration):
    dependencies = [("procrastinate", "0041_post_retry_failed_job")]

    operations = [migrations.RunSQL(CREATE, DROP)]
