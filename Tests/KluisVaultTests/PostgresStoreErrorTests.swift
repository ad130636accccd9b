import _ConnectionPoolModule
import KluisCore
@testable import KluisPostgres
import PostgresNIO
import Testing

/// The PostgreSQL store's errors as people read them: what went wrong and what to look at,
/// without the driver's type names.
struct PostgresStoreErrorTests {
    /// The pool fails every request once it has not been able to connect for a minute (its
    /// circuit breaker); that reads as a server that cannot be reached, not as a type's name.
    @Test func aPoolThatCannotConnectSaysSo() {
        let error = PostgresVaultStore.vaultError(for: ConnectionPoolError.connectionCreationCircuitBreakerTripped)
        #expect(error.code == .storeFailure)
        #expect(error.message.contains("no new connection to the server could be made for a minute"), "\(error.message)")
        #expect(error.message.contains("max_connections"))
        #expect(!error.message.contains("ConnectionPoolError"))
    }

    /// A request the pool fails while it waits, cancelled or at the pool's shutdown, says which;
    /// so does work cancelled otherwise.
    @Test func aRequestTheWaitingPoolFailsSaysWhy() {
        #expect(PostgresVaultStore.vaultError(for: ConnectionPoolError.requestCancelled).message
                == "the PostgreSQL store failed: the work was cancelled while it waited for a connection")
        #expect(PostgresVaultStore.vaultError(for: ConnectionPoolError.poolShutdown).message
                == "the PostgreSQL store failed: the connection pool was closed while the work waited for a connection")
        #expect(PostgresVaultStore.vaultError(for: CancellationError()).message == "the PostgreSQL store failed: the work was cancelled")
    }

    /// Any other error the store does not know still fails as the store's, by its type's name.
    @Test func anUnknownErrorIsTheStoresFailure() {
        struct Unforeseen: Error {}
        let error = PostgresVaultStore.vaultError(for: Unforeseen())
        #expect(error.code == .storeFailure && error.message == "the PostgreSQL store failed: Unforeseen")
    }
}
