import { Param, ParseUUIDPipe } from '@nestjs/common';

/** The campaign of a route's `:id`: anything but a UUID is a 400 before any lookup. */
export const CampaignId = (): ParameterDecorator => Param('id', ParseUUIDPipe);
