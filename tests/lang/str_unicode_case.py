# Case mapping and predicates beyond ASCII.
print("héllo wörld".upper(), "ÉCOLE".lower(), "ÀÉÎÕÜ".lower(), "çà".upper())
print("été".capitalize(), "Éé".isalpha(), "Éé".isupper(), "É".isupper(), "é".islower())
print("naïve café".title())
print("Ünïcödé" == "ünïcödé".capitalize())
