<?php
/**
 * Checks comments with the Gazette server when the Akismet plugin is not active.
 *
 * @package Gazette_Shield
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * comment-check before a comment is stored (preprocess_comment, then pre_comment_approved picks its state), and
 * submit-spam / submit-ham when a moderator changes a comment's state to or from Spam. A comment the server could
 * not judge waits for moderation: nothing is lost, nothing unchecked is published.
 */
class Gazette_Shield_Comments {
	/** The comment meta key of what was checked. */
	const META = 'gazette_shield';

	/** What the server said about the comment being posted in this request. */
	private static $last = null;

	public static function register() {
		add_filter( 'preprocess_comment', array( __CLASS__, 'check' ), 1 );
		add_filter( 'pre_comment_approved', array( __CLASS__, 'approved' ), 99, 2 );
		add_action( 'comment_post', array( __CLASS__, 'remember' ), 10, 1 );
		add_action( 'transition_comment_status', array( __CLASS__, 'report' ), 10, 3 );
	}

	/** Asks the server about the comment as it was sent. */
	public static function check( $commentdata ) {
		self::$last = null;
		if ( ! Gazette_Shield_Client::configured() ) {
			return $commentdata;
		}
		$fields   = self::fields( $commentdata );
		$response = Gazette_Shield_Client::post( 'comment-check', $fields );
		$body     = is_wp_error( $response ) ? '' : trim( wp_remote_retrieve_body( $response ) );
		if ( 'true' === $body ) {
			$result = 'spam';
		} elseif ( 'false' === $body ) {
			$result = 'ham';
		} else {
			$result = 'error';
			if ( ! is_wp_error( $response ) ) {
				// Reached, but refused: an unknown key, or too many requests. Moderators are told as for an outage.
				$help = wp_remote_retrieve_header( $response, 'x-akismet-debug-help' );
				Gazette_Shield_Client::note( new WP_Error( 'gazette_shield', $help ? $help : sprintf( 'answered "%s"', substr( $body, 0, 40 ) ) ) );
			}
		}
		self::$last = array(
			'result' => $result,
			'guid'   => is_wp_error( $response ) ? '' : (string) wp_remote_retrieve_header( $response, 'x-akismet-guid' ),
			'fields' => $fields,
		);
		return $commentdata;
	}

	/** Spam goes to the Spam folder; a comment the server could not judge waits for a moderator. */
	public static function approved( $approved, $commentdata ) {
		if ( null === self::$last || is_wp_error( $approved ) || 'trash' === $approved ) {
			return $approved;
		}
		if ( 'spam' === self::$last['result'] ) {
			return 'spam';
		}
		if ( 'error' === self::$last['result'] && 1 === (int) $approved ) {
			return 0;
		}
		return $approved;
	}

	/** Keeps what was checked beside the comment, so a later report sends the same fields. */
	public static function remember( $comment_id ) {
		global $wpdb;
		if ( null === self::$last ) {
			return;
		}
		// One row, one query: WordPress's own work for a comment is a few tens of queries, so each one added is felt.
		// add_comment_meta() would make two: wpdb's insert helper first asks MariaDB for the table's columns and
		// their character sets (SHOW FULL COLUMNS, once per table and request). JSON with \u escapes keeps the row
		// ASCII, so no character set matters and wpdb has nothing to check; the comment is new, so no other row
		// has this key for it.
		$value = wp_json_encode(
			array(
				'result' => self::$last['result'],
				'guid'   => self::$last['guid'],
				'fields' => self::$last['fields'],
			)
		);
		self::$last = null;
		if ( false === $value ) {
			return;
		}
		$wpdb->query( $wpdb->prepare( "INSERT INTO {$wpdb->commentmeta} (comment_id, meta_key, meta_value) VALUES (%d, %s, %s)", $comment_id, self::META, $value ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		wp_cache_delete( $comment_id, 'comment_meta' );
		do_action( 'added_comment_meta', (int) $wpdb->insert_id, $comment_id, self::META, $value );
	}

	/**
	 * What was checked for a comment (result, guid, fields), or null: stored as JSON, or as a serialized array by
	 * earlier builds of this plugin.
	 *
	 * @param int $comment_id The comment.
	 * @return array|null
	 */
	public static function checked( $comment_id ) {
		$stored = get_comment_meta( $comment_id, self::META, true );
		if ( is_string( $stored ) && '' !== $stored ) {
			$stored = json_decode( $stored, true );
		}
		return is_array( $stored ) ? $stored : null;
	}

	/** A moderator's Spam or Not spam teaches the server. */
	public static function report( $new_status, $old_status, $comment ) {
		if ( $new_status === $old_status || ! Gazette_Shield_Client::configured() ) {
			return;
		}
		if ( ! current_user_can( 'moderate_comments' ) ) {
			return; // Changed by code (another plugin, a cron job), not by a person judging it.
		}
		if ( 'spam' === $new_status && in_array( $old_status, array( 'approved', 'unapproved' ), true ) ) {
			$call = 'submit-spam';
		} elseif ( 'spam' === $old_status && in_array( $new_status, array( 'approved', 'unapproved' ), true ) ) {
			$call = 'submit-ham';
		} else {
			return;
		}
		$checked = self::checked( $comment->comment_ID );
		$fields  = is_array( $checked ) && isset( $checked['fields'] ) ? $checked['fields'] : null;
		if ( ! is_array( $fields ) || empty( $fields['comment_content'] ) ) {
			$fields = array(
				'blog'                 => home_url(),
				'user_ip'              => $comment->comment_author_IP,
				'user_agent'           => $comment->comment_agent,
				'comment_type'         => $comment->comment_type ? $comment->comment_type : 'comment',
				'comment_author'       => $comment->comment_author,
				'comment_author_email' => $comment->comment_author_email,
				'comment_author_url'   => $comment->comment_author_url,
				'comment_content'      => $comment->comment_content,
				'permalink'            => get_permalink( $comment->comment_post_ID ),
			);
		}
		if ( is_array( $checked ) && ! empty( $checked['guid'] ) ) {
			$fields['guid'] = $checked['guid'];
		}
		Gazette_Shield_Client::post( $call, $fields );
		update_comment_meta( $comment->comment_ID, 'gazette_shield_reported', 'submit-spam' === $call ? 'spam' : 'ham' );
	}

	/** Akismet's fields for a comment being posted. */
	private static function fields( $commentdata ) {
		$post_id = isset( $commentdata['comment_post_ID'] ) ? (int) $commentdata['comment_post_ID'] : 0;
		$post    = get_post( $post_id );
		$fields  = array(
			'blog'                 => home_url(),
			'blog_lang'            => get_locale(),
			'blog_charset'         => get_option( 'blog_charset' ),
			'user_ip'              => isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '',
			'user_agent'           => isset( $_SERVER['HTTP_USER_AGENT'] ) ? substr( wp_unslash( $_SERVER['HTTP_USER_AGENT'] ), 0, 500 ) : '', // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized
			'referrer'             => isset( $_SERVER['HTTP_REFERER'] ) ? esc_url_raw( wp_unslash( $_SERVER['HTTP_REFERER'] ) ) : '',
			'permalink'            => $post ? get_permalink( $post ) : '',
			'comment_type'         => empty( $commentdata['comment_type'] ) ? 'comment' : $commentdata['comment_type'],
			'comment_author'       => isset( $commentdata['comment_author'] ) ? wp_unslash( $commentdata['comment_author'] ) : '',
			'comment_author_email' => isset( $commentdata['comment_author_email'] ) ? wp_unslash( $commentdata['comment_author_email'] ) : '',
			'comment_author_url'   => isset( $commentdata['comment_author_url'] ) ? wp_unslash( $commentdata['comment_author_url'] ) : '',
			'comment_content'      => isset( $commentdata['comment_content'] ) ? wp_unslash( $commentdata['comment_content'] ) : '',
		);
		if ( $post ) {
			$fields['comment_post_modified_gmt'] = mysql2date( 'Y-m-d\TH:i:s\Z', $post->post_modified_gmt, false );
		}
		if ( ! empty( $commentdata['user_ID'] ) ) {
			$user = get_userdata( (int) $commentdata['user_ID'] );
			if ( $user ) {
				$fields['user_role'] = implode( ',', $user->roles );
			}
		}
		return $fields;
	}
}
