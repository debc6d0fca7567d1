"""Money: amounts stated in running text, budget tables, and amounts written in words."""
