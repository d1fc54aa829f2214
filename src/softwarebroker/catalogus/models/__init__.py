from .categorie import Categorie

__all__ = ["Categorie"]
