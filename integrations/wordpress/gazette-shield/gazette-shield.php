<?php
/**
 * Plugin Name:       Gazette Shield
 * Description:       Screens comments with a Gazette server's spam shield. With the Akismet plugin active, sends Akismet's calls to your Gazette server instead of rest.akismet.com; without it, checks comments itself.
 * Version:           1.0.0
 * Requires at least: 6.0
 * Requires PHP:      7.4
 * Author:            Gazette
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       gazette-shield
 */

/*
 * This program is free software; you can redistribute it and/or modify it under the terms of the GNU General
 * Public License as published by the Free Software Foundation; either version 2 of the License, or (at your
 * option) any later version. This program is distributed in the hope that it will be useful, but WITHOUT ANY
 * WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'GAZETTE_SHIELD_VERSION', '1.0.0' );

require_once __DIR__ . '/includes/class-gazette-shield-client.php';
require_once __DIR__ . '/includes/class-gazette-shield-settings.php';
require_once __DIR__ . '/includes/class-gazette-shield-akismet-bridge.php';
require_once __DIR__ . '/includes/class-gazette-shield-comments.php';

Gazette_Shield_Settings::register();
Gazette_Shield_Akismet_Bridge::register();

// Akismet loads after this plugin (plugins load in name order), so the choice waits until every plugin is in.
add_action(
	'plugins_loaded',
	function () {
		if ( ! Gazette_Shield_Akismet_Bridge::akismet_active() ) {
			Gazette_Shield_Comments::register();
		}
	}
);
