from .categorie import CategorieSerializer

__all__ = ["CategorieSerializer"]
