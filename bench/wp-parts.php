<?php
/*
 * Bench only (bench/wordpress copies it into the bench's WordPress as a must-use plugin; never part of the plugin).
 * Takes Gazette Shield apart to find where its cost goes, as the option gazette_bench_setup says:
 *   shield-nometa: the shield checks each comment but keeps no comment meta row;
 *   shield-local:  the shield's comment-check is answered here, in PHP, as Gazette would ("false"), without a call.
 */
$gazette_bench_setup = get_option( 'gazette_bench_setup' );
if ( 'shield-nometa' === $gazette_bench_setup ) {
	add_action(
		'plugins_loaded',
		function () {
			remove_action( 'comment_post', array( 'Gazette_Shield_Comments', 'remember' ), 10 );
		},
		20
	);
} elseif ( 'shield-local' === $gazette_bench_setup ) {
	add_filter(
		'pre_http_request',
		function ( $pre, $args, $url ) {
			if ( false === strpos( $url, '/1.1/comment-check' ) ) {
				return $pre;
			}
			return array(
				'headers'  => array( 'x-akismet-guid' => wp_generate_uuid4() ),
				'body'     => 'false',
				'response' => array(
					'code'    => 200,
					'message' => 'OK',
				),
				'cookies'  => array(),
				'filename' => null,
			);
		},
		10,
		3
	);
}
