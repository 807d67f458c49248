package dev.consentry.platform.http;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * {@link RunsToCompletion}: a resource method's {@code Uni} is memoized, so the REST layer's cancellation on a closed
 * connection only drops its interest in the answer; the work itself (session, transaction, commit, the connection's
 * return to the pool) goes on to its end. Outermost, so it wraps the transaction interceptors of what it calls.
 */
@RunsToCompletion
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class RunsToCompletionInterceptor {

    @AroundInvoke
    Object runToCompletion(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        if (result instanceof Uni<?> work) {
            return work.memoize().indefinitely();
        }
        return result;
    }
}
