// Placeholder: KluisPostgres is filled in by its issue; the dependency direction is set in Package.swift.
