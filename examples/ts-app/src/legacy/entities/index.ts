// The legacy barrel: other packages import the entities from here.
export * from './booking.entity';
export * from './people';
