/// Two files declare `log`: a call to it is ambiguous to Stele, which reports it to nobody.
func log(_ message: String) { print(message) }
