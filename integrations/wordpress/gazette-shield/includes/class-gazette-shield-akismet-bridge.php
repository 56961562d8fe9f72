<?php
/**
 * Sends the Akismet plugin's calls to the Gazette server instead of rest.akismet.com.
 *
 * @package Gazette_Shield
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The Akismet plugin posts to https://rest.akismet.com/1.1/<call> (or http://, or KEY.rest.akismet.com). WordPress's
 * HTTP API lets a plugin answer a request itself (pre_http_request): this one makes the same request to the Gazette
 * server and hands back its answer, so Akismet's screens, comment history and moderation reports work unchanged.
 */
class Gazette_Shield_Akismet_Bridge {
	public static function register() {
		add_filter( 'pre_http_request', array( __CLASS__, 'redirect' ), 10, 3 );
		// A key set here (or as GAZETTE_SHIELD_KEY) serves Akismet when Akismet has none of its own.
		add_filter( 'akismet_get_api_key', array( __CLASS__, 'akismet_key' ) );
	}

	/** True when the Akismet plugin is loaded. */
	public static function akismet_active() {
		return class_exists( 'Akismet' ) || defined( 'AKISMET_VERSION' );
	}

	public static function akismet_key( $key ) {
		return $key ? $key : Gazette_Shield_Client::api_key();
	}

	/**
	 * Answers a request for rest.akismet.com by asking the Gazette server.
	 *
	 * @param false|array|WP_Error $pre  What an earlier filter answered; false lets the request go.
	 * @param array                $args The request's arguments.
	 * @param string               $url  The address asked for.
	 * @return false|array|WP_Error
	 */
	public static function redirect( $pre, $args, $url ) {
		if ( false !== $pre ) {
			return $pre;
		}
		$host = strtolower( (string) wp_parse_url( $url, PHP_URL_HOST ) );
		if ( 'rest.akismet.com' !== $host && ! preg_match( '/\.rest\.akismet\.com$/', $host ) ) {
			return $pre;
		}
		$server = Gazette_Shield_Client::server_url();
		if ( '' === $server ) {
			return $pre; // Not set up yet: Akismet keeps talking to Akismet.
		}
		$path   = (string) wp_parse_url( $url, PHP_URL_PATH );
		$query  = (string) wp_parse_url( $url, PHP_URL_QUERY );
		$target = $server . $path . ( '' !== $query ? '?' . $query : '' );
		if ( isset( $args['headers'] ) && is_array( $args['headers'] ) ) {
			// Akismet names rest.akismet.com in Host; the Gazette server (or a proxy before it) needs its own name.
			foreach ( array_keys( $args['headers'] ) as $name ) {
				if ( 'host' === strtolower( $name ) ) {
					unset( $args['headers'][ $name ] );
				}
			}
		}
		$response = wp_remote_request( $target, $args );
		Gazette_Shield_Client::note( $response );
		return $response;
	}
}
