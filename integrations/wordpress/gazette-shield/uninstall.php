<?php
/**
 * Removes the plugin's settings when it is deleted from the Plugins page.
 *
 * @package Gazette_Shield
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}
delete_option( 'gazette_shield_url' );
delete_option( 'gazette_shield_key' );
delete_option( 'gazette_shield_failure' );
