import { Module } from '@nestjs/common';
import { AccessibilityStatement } from './accessibility-statement';
import { AccessibilityStatementController } from './accessibility-statement.controller';

/** The organisation's public-sector duties: the accessibility statement (DOS-lagen). */
@Module({
  controllers: [AccessibilityStatementController],
  providers: [AccessibilityStatement],
})
export class ComplianceModule {}
