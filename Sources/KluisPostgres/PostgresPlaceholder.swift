// The PostgreSQL store arrives with its issue; this module exists so the dependency direction is
// fixed from the start (KluisPostgres -> KluisCore).
import KluisCore
