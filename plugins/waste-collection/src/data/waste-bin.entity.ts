import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WasteProperty } from './waste-property.entity';

/** A bin (kärl) at a property, with its emptying interval and next pickup. */
@Entity('waste_bin')
export class WasteBin {
  @PrimaryColumn({ name: 'bin_id', type: 'varchar', length: 50 })
  binId!: string;

  @Column({ name: 'property_id', type: 'varchar', length: 50 })
  propertyId!: string;

  @ManyToOne(() => WasteProperty, (property) => property.bins, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'property_id' })
  property?: WasteProperty;

  @Column({ name: 'bin_type', type: 'varchar', length: 40 })
  binType!: string;

  @Column({ name: 'size_liters', type: 'integer' })
  sizeLiters!: number;

  @Column({ type: 'varchar', length: 20 })
  interval!: string;

  /** The bin's subscription code in the waste system (ACTIVE, PAUSED, ENDED). */
  @Column({ name: 'subscription_status', type: 'varchar', length: 20 })
  subscriptionStatus!: string;

  /** YYYY-MM-DD. */
  @Column({ name: 'next_pickup', type: 'varchar', length: 10 })
  nextPickup!: string;
}
