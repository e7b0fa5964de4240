package org.plantrack.core.store;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;

/**
 * Random sequences of store operations against {@link InMemoryPlanStore} and a simple model
 * ({@link StoreModel}): after every operation the store shows what the model holds and the audit
 * chain verifies.
 */
class InMemoryPlanStoreStatefulPropertiesTest {

    @Property(tries = 200)
    void storeBehavesLikeTheModel(@ForAll("chains") ActionChain<StoreModel> chain) {
        StoreModel.run(chain);
    }

    @Provide
    Arbitrary<ActionChain<StoreModel>> chains() {
        return StoreModel.chains(InMemoryPlanStore::create, 60);
    }
}
