<?php
/**
 * Talks to the Gazette server: its address and key, the Akismet-compatible calls, and whether it last answered.
 *
 * @package Gazette_Shield
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The Gazette server as this site is told to reach it, and the calls made to it. */
class Gazette_Shield_Client {
	/** Option that remembers the last failure to reach the server, until it answers again. */
	const FAILURE_OPTION = 'gazette_shield_failure';

	/** The server's address without a trailing slash: the constant GAZETTE_SHIELD_URL wins over the setting. */
	public static function server_url() {
		$url = defined( 'GAZETTE_SHIELD_URL' ) ? (string) constant( 'GAZETTE_SHIELD_URL' ) : (string) get_option( 'gazette_shield_url', '' );
		return untrailingslashit( trim( $url ) );
	}

	/**
	 * The API key: the constant GAZETTE_SHIELD_KEY wins over the setting; with neither, the key the Akismet plugin
	 * was given (its constant or its setting), since its calls come to the same server.
	 */
	public static function api_key() {
		$key = defined( 'GAZETTE_SHIELD_KEY' ) ? (string) constant( 'GAZETTE_SHIELD_KEY' ) : (string) get_option( 'gazette_shield_key', '' );
		if ( '' === trim( $key ) && Gazette_Shield_Akismet_Bridge::akismet_active() ) {
			$key = defined( 'WPCOM_API_KEY' ) ? (string) constant( 'WPCOM_API_KEY' ) : (string) get_option( 'wordpress_api_key', '' );
		}
		return strtolower( trim( $key ) );
	}

	/** True when both the address and the key are known. */
	public static function configured() {
		return '' !== self::server_url() && '' !== self::api_key();
	}

	/**
	 * POSTs an Akismet call to the server, the key in the body (never in the address, which ends up in logs).
	 *
	 * @param string $path   For example "comment-check".
	 * @param array  $fields The call's fields.
	 * @return array|WP_Error The response, or the error that kept the server from answering.
	 */
	public static function post( $path, array $fields ) {
		$fields['api_key'] = self::api_key();
		$response          = wp_remote_post(
			self::server_url() . '/1.1/' . $path,
			array(
				'body'    => $fields,
				'timeout' => 10,
				'headers' => array( 'User-Agent' => 'WordPress/' . get_bloginfo( 'version' ) . ' | GazetteShield/' . GAZETTE_SHIELD_VERSION ),
			)
		);
		self::note( $response );
		return $response;
	}

	/**
	 * Remembers whether the server answered, for the notice shown to moderators.
	 *
	 * @param array|WP_Error $response What a call to the server gave.
	 */
	public static function note( $response ) {
		$code = is_wp_error( $response ) ? 0 : (int) wp_remote_retrieve_response_code( $response );
		if ( is_wp_error( $response ) || $code >= 500 || 0 === $code ) {
			$why = is_wp_error( $response ) ? $response->get_error_message() : sprintf( 'HTTP %d', $code );
			// Autoloaded, so that the usual case below (no failure) costs no query.
			update_option(
				self::FAILURE_OPTION,
				array(
					'time'    => time(),
					'message' => $why,
					'server'  => self::server_url(),
				),
				true
			);
		} elseif ( null !== self::last_failure() ) {
			delete_option( self::FAILURE_OPTION );
		}
	}

	/** The last failure to reach the server since it last answered, or null. */
	public static function last_failure() {
		$all = wp_load_alloptions();
		if ( ! isset( $all[ self::FAILURE_OPTION ] ) ) {
			return null;
		}
		$failure = maybe_unserialize( $all[ self::FAILURE_OPTION ] );
		return is_array( $failure ) ? $failure : null;
	}

	/**
	 * Asks the server whether it knows the key.
	 *
	 * @return array{0:string,1:string} A state ("valid", "invalid", "error") and words for a person.
	 */
	public static function verify() {
		if ( '' === self::server_url() ) {
			return array( 'error', __( 'Enter the address of your Gazette server first.', 'gazette-shield' ) );
		}
		if ( '' === self::api_key() ) {
			return array( 'error', __( 'Enter the API key your Gazette server gave you first.', 'gazette-shield' ) );
		}
		$response = self::post(
			'verify-key',
			array(
				'key'  => self::api_key(),
				'blog' => home_url(),
			)
		);
		if ( is_wp_error( $response ) ) {
			$hint = defined( 'WP_HTTP_BLOCK_EXTERNAL' ) && WP_HTTP_BLOCK_EXTERNAL
				? ' ' . __( 'This site blocks outgoing requests (WP_HTTP_BLOCK_EXTERNAL): add the server\'s host name to WP_ACCESSIBLE_HOSTS in wp-config.php.', 'gazette-shield' )
				: '';
			/* translators: 1: the server's address, 2: why the request failed. */
			return array( 'error', sprintf( __( 'Could not reach %1$s: %2$s.', 'gazette-shield' ), self::server_url(), $response->get_error_message() ) . $hint );
		}
		$body = trim( wp_remote_retrieve_body( $response ) );
		if ( 'valid' === $body ) {
			return array( 'valid', __( 'The server knows this key: comments are screened by it.', 'gazette-shield' ) );
		}
		if ( 'invalid' === $body ) {
			return array( 'invalid', __( 'The server does not know this key, or it was revoked. Ask the Gazette site\'s staff for a key (API keys page of the newsroom).', 'gazette-shield' ) );
		}
		/* translators: 1: the server's address, 2: HTTP status code. */
		return array( 'error', sprintf( __( '%1$s answered with HTTP %2$d; is this the address of a Gazette server?', 'gazette-shield' ), self::server_url(), (int) wp_remote_retrieve_response_code( $response ) ) );
	}
}
