import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponse } from '../../common/errors/error-response.js';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { CurrentPrincipal, Public, Requires, SignInRoute } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import { AuthService } from './auth.service.js';
import { LoginDto } from './dto/login.dto.js';
import { LogoutDto, RefreshDto } from './dto/refresh.dto.js';
import { TokenResponse } from './dto/token.response.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @SignInRoute()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sign in with email and password',
    description: `Repeated wrong passwords lock the account for a while (ACCOUNT_LOCKED, with \`details.lockedUntil\`).`,
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiErrorResponses(400)
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'INVALID_CREDENTIALS or ACCOUNT_LOCKED' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'Too many attempts for this email from here' })
  async login(@Body() body: LoginDto): Promise<TokenResponse> {
    return TokenResponse.from(await this.auth.login(body.email, body.password));
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange a refresh token for a new access token and refresh token' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiErrorResponses(400)
  @ApiUnauthorizedResponse({
    type: ErrorResponse,
    description: 'INVALID_REFRESH_TOKEN, REFRESH_TOKEN_EXPIRED, REFRESH_TOKEN_REVOKED or REFRESH_TOKEN_REUSED',
  })
  async refresh(@Body() body: RefreshDto): Promise<TokenResponse> {
    return TokenResponse.from(await this.auth.refresh(body.refreshToken));
  }

  @Post('logout')
  @Requires('account:self')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End a sign-in (or all of them): its refresh tokens stop working' })
  @ApiNoContentResponse()
  @ApiErrorResponses(400)
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'No valid access token' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: API keys have no session to end' })
  async logout(@CurrentPrincipal() principal: Principal, @Body() body: LogoutDto | undefined): Promise<void> {
    await this.auth.logout(principal, body?.refreshToken);
  }
}
