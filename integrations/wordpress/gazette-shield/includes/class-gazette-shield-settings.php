<?php
/**
 * The settings page under Settings, and the notice moderators see when the server cannot be reached.
 *
 * @package Gazette_Shield
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Settings → Gazette Shield: the server's address, the key, and a button that checks both. */
class Gazette_Shield_Settings {
	const PAGE = 'gazette-shield';

	/** Hooks the page, its settings, the verify action and the notice. */
	public static function register() {
		add_action( 'admin_menu', array( __CLASS__, 'menu' ) );
		add_action( 'admin_init', array( __CLASS__, 'settings' ) );
		add_action( 'admin_post_gazette_shield_verify', array( __CLASS__, 'verify' ) );
		add_action( 'admin_notices', array( __CLASS__, 'notice' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( dirname( __DIR__ ) . '/gazette-shield.php' ), array( __CLASS__, 'action_links' ) );
	}

	public static function menu() {
		add_options_page( __( 'Gazette Shield', 'gazette-shield' ), __( 'Gazette Shield', 'gazette-shield' ), 'manage_options', self::PAGE, array( __CLASS__, 'page' ) );
	}

	public static function action_links( $links ) {
		array_unshift( $links, '<a href="' . esc_url( admin_url( 'options-general.php?page=' . self::PAGE ) ) . '">' . esc_html__( 'Settings', 'gazette-shield' ) . '</a>' );
		return $links;
	}

	public static function settings() {
		register_setting(
			'gazette_shield',
			'gazette_shield_url',
			array(
				'type'              => 'string',
				'sanitize_callback' => array( __CLASS__, 'clean_url' ),
				'default'           => '',
			)
		);
		register_setting(
			'gazette_shield',
			'gazette_shield_key',
			array(
				'type'              => 'string',
				'sanitize_callback' => array( __CLASS__, 'clean_key' ),
				'default'           => '',
			)
		);
	}

	/** An http(s) address, kept as typed when it is not one (with an error saying what to fix). */
	public static function clean_url( $value ) {
		$value = trim( (string) $value );
		if ( '' === $value ) {
			return '';
		}
		$parts = wp_parse_url( $value );
		if ( ! $parts || empty( $parts['host'] ) || ! in_array( strtolower( $parts['scheme'] ?? '' ), array( 'http', 'https' ), true ) ) {
			add_settings_error( 'gazette_shield_url', 'gazette_shield_url', __( 'The server address must start with https:// (or http://), like https://news.example.org. The previous address is kept.', 'gazette-shield' ) );
			return get_option( 'gazette_shield_url', '' );
		}
		return untrailingslashit( esc_url_raw( $value ) );
	}

	/** A key of letters and digits as the server made it; anything else is refused with the previous key kept. */
	public static function clean_key( $value ) {
		$value = strtolower( trim( (string) $value ) );
		if ( '' === $value || preg_match( '/^[a-z0-9]{12,64}$/', $value ) ) {
			return $value;
		}
		add_settings_error( 'gazette_shield_key', 'gazette_shield_key', __( 'An API key is 12 letters and digits (older keys are longer), as the Gazette newsroom showed it. The previous key is kept.', 'gazette-shield' ) );
		return get_option( 'gazette_shield_key', '' );
	}

	/** Checks the key against the server and comes back to the page with the answer. */
	public static function verify() {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'You may not change these settings.', 'gazette-shield' ), 403 );
		}
		check_admin_referer( 'gazette_shield_verify' );
		list( $state, $message ) = Gazette_Shield_Client::verify();
		set_transient( 'gazette_shield_verified_' . get_current_user_id(), array( $state, $message ), 60 );
		wp_safe_redirect( admin_url( 'options-general.php?page=' . self::PAGE . '&verified=1' ) );
		exit;
	}

	public static function page() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$url_fixed = defined( 'GAZETTE_SHIELD_URL' );
		$key_fixed = defined( 'GAZETTE_SHIELD_KEY' );
		$result    = isset( $_GET['verified'] ) ? get_transient( 'gazette_shield_verified_' . get_current_user_id() ) : false; // phpcs:ignore WordPress.Security.NonceVerification.Recommended
		$akismet   = Gazette_Shield_Akismet_Bridge::akismet_active();
		?>
		<div class="wrap">
			<h1><?php esc_html_e( 'Gazette Shield', 'gazette-shield' ); ?></h1>
			<?php settings_errors(); ?>
			<?php if ( is_array( $result ) ) : ?>
				<div id="gazette-shield-verify-result" class="notice <?php echo 'valid' === $result[0] ? 'notice-success' : 'notice-error'; ?>"><p><?php echo esc_html( $result[1] ); ?></p></div>
			<?php endif; ?>
			<p>
				<?php if ( $akismet ) : ?>
					<?php esc_html_e( 'The Akismet plugin is active: its calls go to this Gazette server instead of rest.akismet.com. Enter the same key on Akismet\'s own settings page (Settings → Akismet Anti-spam), or here, which Akismet then uses when it has none.', 'gazette-shield' ); ?>
				<?php else : ?>
					<?php esc_html_e( 'Every new comment is checked by this Gazette server: spam goes to the Spam folder, and your Spam and Not spam clicks teach the server. When the server cannot be reached, comments wait for moderation.', 'gazette-shield' ); ?>
				<?php endif; ?>
			</p>
			<form method="post" action="options.php">
				<?php settings_fields( 'gazette_shield' ); ?>
				<table class="form-table" role="presentation">
					<tr>
						<th scope="row"><label for="gazette_shield_url"><?php esc_html_e( 'Server address', 'gazette-shield' ); ?></label></th>
						<td>
							<input type="url" class="regular-text code" id="gazette_shield_url" name="gazette_shield_url" placeholder="https://news.example.org" value="<?php echo esc_attr( Gazette_Shield_Client::server_url() ); ?>" <?php disabled( $url_fixed ); ?>>
							<?php if ( $url_fixed ) : ?>
								<p class="description"><?php esc_html_e( 'Set in wp-config.php (GAZETTE_SHIELD_URL).', 'gazette-shield' ); ?></p>
							<?php endif; ?>
						</td>
					</tr>
					<tr>
						<th scope="row"><label for="gazette_shield_key"><?php esc_html_e( 'API key', 'gazette-shield' ); ?></label></th>
						<td>
							<input type="text" class="regular-text code" id="gazette_shield_key" name="gazette_shield_key" autocomplete="off" value="<?php echo esc_attr( $key_fixed ? str_repeat( '•', 12 ) : Gazette_Shield_Client::api_key() ); ?>" <?php disabled( $key_fixed ); ?>>
							<?php if ( $key_fixed ) : ?>
								<p class="description"><?php esc_html_e( 'Set in wp-config.php (GAZETTE_SHIELD_KEY).', 'gazette-shield' ); ?></p>
							<?php endif; ?>
						</td>
					</tr>
				</table>
				<?php if ( ! ( $url_fixed && $key_fixed ) ) : ?>
					<?php submit_button( __( 'Save', 'gazette-shield' ) ); ?>
				<?php endif; ?>
			</form>
			<form method="post" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>">
				<input type="hidden" name="action" value="gazette_shield_verify">
				<?php wp_nonce_field( 'gazette_shield_verify' ); ?>
				<?php submit_button( __( 'Verify', 'gazette-shield' ), 'secondary', 'verify', false ); ?>
			</form>
		</div>
		<?php
	}

	/** Tells moderators, on every admin page, that the server cannot be reached and what happens meanwhile. */
	public static function notice() {
		if ( ! current_user_can( 'moderate_comments' ) ) {
			return;
		}
		$failure = Gazette_Shield_Client::last_failure();
		if ( ! $failure ) {
			return;
		}
		$when = human_time_diff( (int) $failure['time'], time() );
		echo '<div class="notice notice-error" id="gazette-shield-unreachable"><p><strong>' . esc_html__( 'Gazette Shield cannot reach its server.', 'gazette-shield' ) . '</strong> ';
		/* translators: 1: server address, 2: why, 3: how long ago. */
		echo esc_html( sprintf( __( '%1$s did not answer (%2$s, %3$s ago). New comments wait in the Pending queue for a moderator meanwhile; none is lost.', 'gazette-shield' ), $failure['server'], $failure['message'], $when ) );
		echo ' <a href="' . esc_url( admin_url( 'options-general.php?page=' . self::PAGE ) ) . '">' . esc_html__( 'Check the settings', 'gazette-shield' ) . '</a></p></div>';
	}
}
