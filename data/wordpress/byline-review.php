<?php
/*
 * Plugin Name: Byline review
 * Description: Lets Byline keep what WordPress has no field for: the editor's note to the reporter (never published), whether a story was returned to its reporter, the Byline draft a post came from, and its dateline. Drop this file into wp-content/mu-plugins/ (docs/wordpress.md in Byline).
 * Version: 1
 * License: GPL-3.0-or-later
 */

add_action('init', function () {
    // Only someone who may edit the post reads or writes these.
    $auth = function ($allowed, $meta_key, $post_id) {
        return current_user_can('edit_post', $post_id);
    };
    // The edit context only: nothing of this appears in what readers get.
    $edit_only = array('schema' => array('context' => array('edit')));
    $fields = array(
        'byline_note'     => array('type' => 'string',  'default' => ''),
        'byline_returned' => array('type' => 'boolean', 'default' => false),
        'byline_id'       => array('type' => 'string',  'default' => ''),
        'byline_dateline' => array('type' => 'string',  'default' => ''),
    );
    foreach ($fields as $key => $args) {
        register_post_meta('post', $key, $args + array(
            'single'        => true,
            'show_in_rest'  => $edit_only,
            'auth_callback' => $auth,
        ));
    }
});
