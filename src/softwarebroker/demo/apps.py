from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "softwarebroker.demo"
    verbose_name = "Demodata"
