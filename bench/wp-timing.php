<?php
/*
 * Bench only (bench/wordpress copies it into the bench's WordPress as a must-use plugin; never part of the plugin).
 * For each comment posted through wp-comments-post.php, one line in the log: the request's wall time, its PHP CPU
 * time, its database queries, the time spent in preprocess_comment's spam checks (Gazette Shield's and Akismet's
 * both run at priority 1), and the time and number of HTTP calls to the Gazette server, then the PHP CPU time of those checks and of those calls.
 * All times in ms.
 */
if ( isset( $_SERVER['SCRIPT_NAME'] ) && '/wp-comments-post.php' === $_SERVER['SCRIPT_NAME'] ) {
	$GLOBALS['gazette_bench'] = array(
		'ru'    => getrusage(),
		'hook'  => 0.0,
		'http'  => 0.0,
		'calls' => 0,
		'open'  => null,
		'hook0' => null,
		'hookcpu' => 0.0,
		'httpcpu' => 0.0,
		'cpu0'  => 0.0,
		'hcpu0' => 0.0,
	);
	function gazette_bench_cpu() {
		$r = getrusage();
		return ( $r['ru_utime.tv_sec'] + $r['ru_stime.tv_sec'] ) * 1000 + ( $r['ru_utime.tv_usec'] + $r['ru_stime.tv_usec'] ) / 1000;
	}
	add_filter( 'preprocess_comment', function ( $c ) { $GLOBALS['gazette_bench']['hook0'] = microtime( true ); $GLOBALS['gazette_bench']['hcpu0'] = gazette_bench_cpu(); return $c; }, 0 );
	add_filter( 'preprocess_comment', function ( $c ) {
		if ( null !== $GLOBALS['gazette_bench']['hook0'] ) {
			$GLOBALS['gazette_bench']['hook'] += microtime( true ) - $GLOBALS['gazette_bench']['hook0'];
			$GLOBALS['gazette_bench']['hookcpu'] += gazette_bench_cpu() - $GLOBALS['gazette_bench']['hcpu0'];
		}
		return $c;
	}, 2 );
	// Akismet's own request (to rest.akismet.com) is answered by Gazette Shield's bridge with a second request, to
	// the Gazette server: only requests to that server are timed, from the first filter to the transport's end.
	add_filter( 'pre_http_request', function ( $pre, $args, $url ) {
		if ( false === strpos( $url, 'akismet.com' ) ) {
			$GLOBALS['gazette_bench']['open'] = microtime( true );
			$GLOBALS['gazette_bench']['cpu0'] = gazette_bench_cpu();
		}
		return $pre;
	}, PHP_INT_MIN, 3 );
	add_action( 'http_api_debug', function ( $response, $context, $class, $args, $url ) {
		if ( null !== $GLOBALS['gazette_bench']['open'] && false === strpos( $url, 'akismet.com' ) ) {
			$GLOBALS['gazette_bench']['http'] += microtime( true ) - $GLOBALS['gazette_bench']['open'];
			$GLOBALS['gazette_bench']['calls']++;
			$GLOBALS['gazette_bench']['httpcpu'] += gazette_bench_cpu() - $GLOBALS['gazette_bench']['cpu0'];
			$GLOBALS['gazette_bench']['open'] = null;
		}
	}, 10, 5 );
	register_shutdown_function( function () {
		global $wpdb;
		$b   = $GLOBALS['gazette_bench'];
		$now = getrusage();
		$cpu = ( $now['ru_utime.tv_sec'] - $b['ru']['ru_utime.tv_sec'] + $now['ru_stime.tv_sec'] - $b['ru']['ru_stime.tv_sec'] ) * 1000
			+ ( $now['ru_utime.tv_usec'] - $b['ru']['ru_utime.tv_usec'] + $now['ru_stime.tv_usec'] - $b['ru']['ru_stime.tv_usec'] ) / 1000;
		$line = sprintf( "%.3f %.3f %d %.3f %.3f %d %.3f %.3f\n", ( microtime( true ) - $_SERVER['REQUEST_TIME_FLOAT'] ) * 1000, $cpu,
			$wpdb ? $wpdb->num_queries : 0, $b['hook'] * 1000, $b['http'] * 1000, $b['calls'], $b['hookcpu'], $b['httpcpu'] );
		file_put_contents( GAZETTE_BENCH_LOG, $line, FILE_APPEND | LOCK_EX );
	} );
}
