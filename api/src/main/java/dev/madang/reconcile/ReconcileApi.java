package dev.madang.reconcile;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins run the reconciler (the security rules keep {@code /api/v1/admin/**} to admins). */
@RestController
class ReconcileApi {

	private final Reconciler reconciler;

	ReconcileApi(Reconciler reconciler) {
		this.reconciler = reconciler;
	}

	@PostMapping(path = "/api/v1/admin/reconcile", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Reconciliation> reconcile() {
		return this.reconciler.run();
	}

}
