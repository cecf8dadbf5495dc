package dev.madang.identity;

/** Every kind of signed-in principal (password, OIDC, bearer token) names the Madang account it acts as. */
public interface MadangPrincipal {

	String userId();

}
