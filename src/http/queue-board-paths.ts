export const QUEUE_BOARD_PATH = '/admin/queues';
export const SIGN_IN_PATH = `${QUEUE_BOARD_PATH}/sign-in`;
export const SIGN_OUT_PATH = `${QUEUE_BOARD_PATH}/sign-out`;
/** The board's sign-in: an access token and its refresh token, in HttpOnly cookies of the board's path only. */
export const QUEUE_BOARD_COOKIE = 'gpmb_queue_board';
export const QUEUE_BOARD_REFRESH_COOKIE = 'gpmb_queue_board_refresh';
