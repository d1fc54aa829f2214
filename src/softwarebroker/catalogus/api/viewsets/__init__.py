from .categorie import CategorieViewSet

__all__ = ["CategorieViewSet"]
